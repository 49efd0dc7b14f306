using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Core.Questions.Kinds;

/// <summary>
/// One of the question's choices (singleChoice) or several (multiChoice). The choice values are stored, several in
/// the question's order; typed in the chat, a choice may also be named by its number or label ("1 3 5", "ภาครัฐ").
/// </summary>
internal sealed class ChoiceKind(string name, bool multiple) : QuestionKind(name, "choices")
{
    private static readonly char[] ListSeparators = [',', ';', '、'];

    public override Question Define(Question question, QuestionDefinition definition) => question with { Choices = definition.Choices() };

    public override AnswerCheck Check(Question question, string raw, bool typed, DateOnly? today)
    {
        if (!multiple)
        {
            return Match(question, raw.Trim(), typed) is { } choice ? new AnswerCheck.Valid(new Answer { Kind = Name, Choices = [choice] }) : Invalid;
        }
        // Typed numbers may be separated by spaces too ("1 3 5"); labels may hold spaces, so only numbers split.
        var chosen = raw.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(part => typed && Match(question, part, typed) is null
                && part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } numbers ? numbers : [part])
            .Select(part => Match(question, part, typed))
            .ToList();
        // Stored in the question's order, whatever order they were given in.
        var ordered = question.Choices.Select(c => c.Value).Where(chosen.Contains).ToArray();
        return chosen.Contains(null) || ordered.Length == 0 ? Invalid : new AnswerCheck.Valid(new Answer { Kind = Name, Choices = ordered });
    }

    public override string? FieldValue(Answer answer) => answer.Choices is { } choices ? string.Join(',', choices) : null;

    public override AdaptiveInput Input(Question question, string? prefill, Language language) =>
        new ChoiceSetInput([.. question.Choices.Select(c => new Choice(c.Label.In(language), c.Value))])
        {
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = multiple ? true : null,
            Value = prefill?.Split(',').Where(v => question.FindChoice(v) is not null).ToArray() is { Length: > 0 } known ? string.Join(',', known) : null,
            Wrap = true,
        };

    /// <summary>None: the choices are on the card.</summary>
    public override string? Hint(Question question, Language language) => null;

    public override IEnumerable<AdaptiveElement> Display(Question question, Answer answer, Language language, int? previewLength) =>
        [new TextBlock(string.Join("\n", answer.Choices!.Select(c => "- " + CardText.Escape(question.FindChoice(c)?.Label.In(language) ?? c)))) { Wrap = true }];

    protected override bool Holds(Answer answer) => answer.Choices is { Count: > 0 };

    /// <summary>A count per option in the set's order, then values the set no longer offers; a value counts once per participant.</summary>
    public override QuestionSummary Summarize(Question question, IReadOnlyList<(Respondent Respondent, Answer Answer)> answers)
    {
        var order = question.Choices.Select((c, i) => (c.Value, i)).ToDictionary(c => c.Value, c => c.i, StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var chosen = new List<ChoiceAnswer>(answers.Count);
        foreach (var (respondent, answer) in answers)
        {
            var values = answer.Choices!.Distinct(StringComparer.Ordinal)
                .OrderBy(v => order.GetValueOrDefault(v, int.MaxValue))
                .ThenBy(v => v, StringComparer.Ordinal)
                .ToList();
            foreach (var value in values)
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
            chosen.Add(new ChoiceAnswer(respondent, values));
        }
        return new ChoiceQuestionSummary
        {
            QuestionId = question.Id,
            Kind = question.Kind.Name,
            Text = question.Text,
            AnswerCount = answers.Count,
            Options = [.. question.Choices
                .Select(c => new ChoiceTally(c.Value, c.Label, counts.GetValueOrDefault(c.Value), Known: true))
                .Concat(counts.Keys
                    .Where(v => question.FindChoice(v) is null)
                    .Order(StringComparer.Ordinal)
                    .Select(v => new ChoiceTally(v, new LocalizedText(v, v), counts[v], Known: false)))],
            Answers = chosen,
        };
    }

    public override IEnumerable<ExportCells> Export(Question? question, Answer answer) =>
        [new(string.Join("; ", (answer.Choices ?? []).Select(v => question?.FindChoice(v)?.Label.Th ?? v)))];

    private static AnswerCheck.Invalid Invalid { get; } = new(Notice.Problem(UiTextKeys.ErrorChoice));

    /// <summary>The choice's value; typed text may also give its number (Thai digits too) or its label in either language.</summary>
    private static string? Match(Question question, string given, bool typed)
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
}
