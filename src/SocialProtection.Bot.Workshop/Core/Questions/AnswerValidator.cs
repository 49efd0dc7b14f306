using System.Globalization;
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
    /// <summary>
    /// Checks <paramref name="raw"/> for <paramref name="question"/>: a blank value skips an optional question; any
    /// other value is the question kind's to judge (<see cref="QuestionKind.Check"/>).
    /// </summary>
    public static AnswerCheck Check(Question question, string? raw, bool typed, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return question.Required
                ? new AnswerCheck.Invalid(Notice.Problem(UiTextKeys.ErrorRequired))
                : new AnswerCheck.Valid(new Answer { Kind = question.Kind.Name, Skipped = true });
        }
        return question.Kind.Check(question, raw, typed, today);
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

    /// <summary>"31/12/2569" (Buddhist era) or "31/12/2026": the way a date is typed.</summary>
    private static string DayMonthYear(DateOnly date, bool buddhist) =>
        FormattableString.Invariant($"{date.Day}/{date.Month}/{date.Year + (buddhist ? 543 : 0)}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
