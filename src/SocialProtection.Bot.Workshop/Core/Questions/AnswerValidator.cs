using System.Globalization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>
/// Checks raw input (a card field's value, or text typed in chat) against a question. Text is stored exactly as
/// given; only its emptiness is judged on trimmed text. Lengths count user-perceived characters.
/// </summary>
internal static class AnswerValidator
{
    private static readonly char[] ListSeparators = [',', ';', '、'];

    /// <summary>
    /// Checks <paramref name="raw"/> for <paramref name="question"/>. <paramref name="typed"/> input (chat text) may
    /// also name a choice by its number or label; card input must carry the choice values themselves.
    /// </summary>
    /// <paramref name="today"/> (in Thailand) bounds questions that refuse past dates, and dates the examples in errors.
    public static AnswerCheck Check(Question question, string? raw, bool typed, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return question.Required
                ? new AnswerCheck.Invalid(Notice.Problem(UiTextKeys.ErrorRequired))
                : new AnswerCheck.Valid(new Answer { Kind = question.Kind, Skipped = true });
        }
        return question.Kind switch
        {
            QuestionKind.LongText => CheckText(raw, question.MaxLength) is { } error
                ? new AnswerCheck.Invalid(error)
                : Valid(question, a => a with { Text = raw }),
            QuestionKind.SingleChoice => MatchChoice(question, raw.Trim(), typed) is { } choice
                ? Valid(question, a => a with { Choices = [choice] })
                : new AnswerCheck.Invalid(Notice.Problem(UiTextKeys.ErrorChoice)),
            QuestionKind.MultiChoice => CheckMultiChoice(question, raw, typed),
            QuestionKind.Rating => ParseRating(raw) is { } rating
                ? Valid(question, a => a with { Rating = rating })
                : new AnswerCheck.Invalid(Notice.Problem(UiTextKeys.ErrorRating)),
            QuestionKind.Date => CheckDate(raw, question.NotInPast ? today : null, today) switch
            {
                ({ } date, _) => Valid(question, a => a with { Date = date }),
                (_, var error) => new AnswerCheck.Invalid(error!),
            },
            _ => throw new ArgumentException($"A {question.Kind} question is not answered with a single value.", nameof(question)),
        };
    }

    /// <summary>Null when <paramref name="text"/> is non-empty and within <paramref name="maxLength"/> characters.</summary>
    public static Notice? CheckText(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Notice.Problem(UiTextKeys.ErrorRequired);
        }
        var length = TextLength.Count(text);
        if (length > maxLength || text.Length > QuestionLimits.MaxCodeUnits(maxLength))
        {
            return Notice.Problem(UiTextKeys.ErrorTooLong, Number(maxLength), Number(length));
        }
        return null;
    }

    /// <summary>A commitment's due date: a valid date, today or later.</summary>
    public static (DateOnly? Date, Notice? Error) CheckDueDate(string? raw, DateOnly today) =>
        string.IsNullOrWhiteSpace(raw) ? (null, Notice.Problem(UiTextKeys.ErrorRequired)) : CheckDate(raw, today, today);

    /// <summary>
    /// A date answer: a day that exists ("there is no 31 February" otherwise) and, when <paramref name="earliest"/> is
    /// given, not before it (the error names the earliest date allowed, in both eras). The examples in an error are in
    /// each language's era (Buddhist for Thai, Common for English) and never in the past.
    /// </summary>
    public static (DateOnly? Date, Notice? Error) CheckDate(string? raw, DateOnly? earliest, DateOnly? today)
    {
        var reading = ThaiDateParser.Read(raw);
        if (reading.Date is not { } date)
        {
            if (reading.Error == ThaiDateError.DayOutOfRange && reading.Month is >= 1 and <= 12)
            {
                return (null, Notice.Problem(UiTextKeys.ErrorDateNoSuchDay, Number(reading.Day),
                    CalendarNames.Thai.Months[reading.Month - 1], CalendarNames.English.Months[reading.Month - 1]));
            }
            var example = new DateOnly((today ?? earliest ?? new DateOnly(2026, 1, 1)).Year, 12, 31);
            return (null, Notice.Problem(UiTextKeys.ErrorDate, DayMonthYear(example, buddhist: true), DayMonthYear(example, buddhist: false)));
        }
        if (earliest is { } first && date < first)
        {
            return (null, Notice.Problem(UiTextKeys.ErrorDateInPast, DayMonthYear(first, buddhist: true), DayMonthYear(first, buddhist: false)));
        }
        return (date, null);
    }

    /// <summary>The value to put back in the question's field for an existing answer.</summary>
    public static string? ToFieldValue(Answer? answer) => answer switch
    {
        null or { Skipped: true } => null,
        { Text: { } text } => text,
        { Choices: { } choices } => string.Join(',', choices),
        { Rating: { } rating } => Number(rating),
        { Date: { } date } => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>
    /// Text to put back in a field, cut to what the field may hold so a huge submission cannot make a card too big
    /// to send (without splitting a surrogate pair).
    /// </summary>
    public static string? ForField(string? value, int maxLength)
    {
        var max = QuestionLimits.MaxFieldCodeUnits(maxLength);
        if (value is null || value.Length <= max)
        {
            return value;
        }
        var cut = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..cut];
    }

    private static AnswerCheck CheckMultiChoice(Question question, string raw, bool typed)
    {
        var parts = raw.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (MatchChoice(question, part, typed) is { } value)
            {
                chosen.Add(value);
                continue;
            }
            // Typed numbers may be separated by spaces too ("1 3 5"); labels may hold spaces, so only numbers split.
            var numbers = typed ? part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
            if (numbers.Length < 2 || numbers.Any(n => MatchChoice(question, n, typed) is null))
            {
                return new AnswerCheck.Invalid(Notice.Problem(UiTextKeys.ErrorChoice));
            }
            chosen.UnionWith(numbers.Select(n => MatchChoice(question, n, typed)!));
        }
        // Stored in the question's order, whatever order they were given in.
        var ordered = question.Choices.Select(c => c.Value).Where(chosen.Contains).ToArray();
        return ordered.Length == 0
            ? new AnswerCheck.Invalid(Notice.Problem(UiTextKeys.ErrorChoice))
            : Valid(question, a => a with { Choices = ordered });
    }

    private static string? MatchChoice(Question question, string given, bool typed)
    {
        if (question.FindChoice(given) is { } exact)
        {
            return exact.Value;
        }
        if (!typed)
        {
            return null;
        }
        if (int.TryParse(ThaiDigits.ToAscii(given), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= question.Choices.Count)
        {
            return question.Choices[number - 1].Value;
        }
        return question.Choices.FirstOrDefault(c =>
            string.Equals(c.Label.Th, given, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Label.En, given, StringComparison.OrdinalIgnoreCase))?.Value;
    }

    private static int? ParseRating(string raw) =>
        int.TryParse(ThaiDigits.ToAscii(raw.Trim()), NumberStyles.None, CultureInfo.InvariantCulture, out var rating)
        && rating is >= 1 and <= 5
            ? rating
            : null;

    private static AnswerCheck.Valid Valid(Question question, Func<Answer, Answer> fill) =>
        new(fill(new Answer { Kind = question.Kind }));

    /// <summary>"31/12/2569" (Buddhist era) or "31/12/2026": the way a date is typed.</summary>
    private static string DayMonthYear(DateOnly date, bool buddhist) =>
        FormattableString.Invariant($"{date.Day}/{date.Month}/{date.Year + (buddhist ? 543 : 0)}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
