using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Core.Questions.Kinds;

/// <summary>A whole number from 1 to 5; the question may say what 1 and 5 mean (lowLabel, highLabel).</summary>
internal sealed class RatingKind() : QuestionKind("rating", "lowLabel", "highLabel")
{
    private const int Min = RatingQuestionSummary.MinValue;
    private const int Max = RatingQuestionSummary.MaxValue;

    public override Question Define(Question question, QuestionDefinition definition) => question with
    {
        LowLabel = definition.Text("lowLabel", QuestionLimits.MaxChoiceLabelLength),
        HighLabel = definition.Text("highLabel", QuestionLimits.MaxChoiceLabelLength),
    };

    public override AnswerCheck Check(Question question, string raw, bool typed, DateOnly? today) =>
        int.TryParse(ThaiDigits.ToAscii(raw.Trim()), NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating is >= Min and <= Max
            ? new AnswerCheck.Valid(new Answer { Kind = Name, Rating = rating })
            : new AnswerCheck.Invalid(Notice.Problem(UiTextKeys.ErrorRating));

    public override string? FieldValue(Answer answer) => answer.Rating is { } rating ? Number(rating) : null;

    public override AdaptiveInput Input(Question question, string? prefill, Language language) =>
        new ChoiceSetInput([.. Enumerable.Range(Min, Max).Select(n =>
            new Choice(Number(n) + (Meaning(question, n) is { } meaning ? " – " + meaning.In(language) : ""), Number(n)))])
        {
            Style = ChoiceInputStyle.Expanded,
            Value = prefill is "1" or "2" or "3" or "4" or "5" ? prefill : null,
            Wrap = true,
        };

    public override IEnumerable<AdaptiveElement> Display(Question question, Answer answer, Language language, int? previewLength)
    {
        var rating = answer.Rating!.Value;
        var scale = Meaning(question, rating) is { } meaning ? " (" + meaning.In(language) + ")" : "";
        return [new TextBlock(CardText.Escape(UiText.Default.Format(UiTextKeys.CardRatingValue, language, Number(rating)) + scale)) { Wrap = true }];
    }

    protected override bool Holds(Answer answer) => answer.Rating is >= Min and <= Max;

    public override QuestionSummary Summarize(Question question, IReadOnlyList<(Respondent Respondent, Answer Answer)> answers)
    {
        var counts = new int[Max + 1];
        var sum = 0;
        foreach (var (_, answer) in answers)
        {
            counts[answer.Rating!.Value]++;
            sum += answer.Rating.Value;
        }
        return new RatingQuestionSummary
        {
            QuestionId = question.Id,
            Kind = question.Kind.Name,
            Text = question.Text,
            AnswerCount = answers.Count,
            Distribution = [.. Enumerable.Range(Min, Max).Select(v => new RatingTally(v, counts[v]))],
            Mean = answers.Count == 0 ? null : Math.Round((decimal)sum / answers.Count, 2, MidpointRounding.AwayFromZero),
            Answers = [.. answers.Select(a => new RatingAnswer(a.Respondent, a.Answer.Rating!.Value))],
        };
    }

    public override IEnumerable<ExportCells> Export(Question? question, Answer answer) => [new(answer.Rating is { } rating ? Number(rating) : "")];

    /// <summary>What 1 or 5 means, when the question says.</summary>
    private static LocalizedText? Meaning(Question question, int value) => value switch { Min => question.LowLabel, Max => question.HighLabel, _ => null };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
