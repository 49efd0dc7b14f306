using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Exports;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Questions.Kinds;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>
/// What a question asks for, and everything the bot does differently for it: what its definition in a question set
/// may hold, how an answer is checked, asked for on a card and shown once given, how a group's answers add up in a
/// summary and what the export writes. One class per kind (<c>Kinds/</c>); the rest of the bot asks the kind.
/// </summary>
/// <param name="name">The kind's name in question-set JSON and in stored answers and summaries ("longText"); never change it.</param>
/// <param name="properties">The question-set properties the kind adds to the common ones (id, kind, required, text, help).</param>
internal abstract class QuestionKind(string name, params string[] properties)
{
    public static QuestionKind LongText { get; } = new LongTextKind();
    public static QuestionKind SingleChoice { get; } = new ChoiceKind("singleChoice", multiple: false);
    public static QuestionKind MultiChoice { get; } = new ChoiceKind("multiChoice", multiple: true);
    public static QuestionKind Rating { get; } = new RatingKind();
    public static QuestionKind Date { get; } = new DateKind();
    public static QuestionKind Commitments { get; } = new CommitmentsKind();

    public string Name { get; } = name;

    public IReadOnlyList<string> Properties { get; } = properties;

    /// <summary>The question with the kind's own properties read; problems are reported through <paramref name="definition"/>.</summary>
    public virtual Question Define(Question question, QuestionDefinition definition) => question;

    /// <summary>
    /// Checks a value that is not blank: a card field's value, or chat text when <paramref name="typed"/> (which may
    /// name a choice by number or label). <paramref name="today"/> (in Thailand) bounds dates and dates error examples.
    /// </summary>
    public abstract AnswerCheck Check(Question question, string raw, bool typed, DateOnly? today);

    /// <summary>What the answer field holds again for a stored answer of this kind.</summary>
    public abstract string? FieldValue(Answer answer);

    /// <summary>The card's answer field; the card gives it its id and label.</summary>
    public abstract AdaptiveInput Input(Question question, string? prefill, Language language);

    /// <summary>The small line under the field (markdown), if any: by default, that the answer may be typed in the chat.</summary>
    public virtual string? Hint(Question question, Language language) => UiText.Default.Get(UiTextKeys.CardTypeHint, language);

    /// <summary>A stored answer the kind <see cref="Counts"/>, shown read-only (what a participant typed never as markdown).</summary>
    /// <param name="previewLength">When set, long texts are shortened to about this many characters so the card fits.</param>
    public abstract IEnumerable<AdaptiveElement> Display(Question question, Answer answer, Language language, int? previewLength);

    /// <summary>The shorter forms (<see cref="Display"/>'s preview lengths, longest first) an answered card may try; none: one form.</summary>
    public virtual IReadOnlyList<int> PreviewLengths => [];

    /// <summary>Whether a stored answer is one of this kind with a value: one that is shown and counted in summaries.</summary>
    public bool Counts(Answer answer) => answer.Kind == Name && answer.HasValue && Holds(answer);

    /// <summary>What the group said: <paramref name="answers"/> are the counted ones, in respondent order.</summary>
    public abstract QuestionSummary Summarize(Question question, IReadOnlyList<(Respondent Respondent, Answer Answer)> answers);

    /// <summary>The export's cells for a stored answer of this kind: one row, or one per item of a list.</summary>
    /// <param name="question">Null when the question set no longer has the question.</param>
    public abstract IEnumerable<ExportCells> Export(Question? question, Answer answer);

    public override string ToString() => Name;

    /// <summary>Whether a stored answer of this kind holds a value it can show and count (in range, a text not blank).</summary>
    protected abstract bool Holds(Answer answer);

    /// <summary>Text a participant typed, for <see cref="Display"/>: a RichTextBlock, where markdown and links are not parsed.</summary>
    protected static RichTextBlock UserText(string text, string? label = null) =>
        new(label is null ? [new TextRun(text)] : [new TextRun(label) { IsSubtle = true }, new TextRun(text)]);

    /// <summary>Stored answers and summaries name their kind.</summary>
    public static implicit operator string(QuestionKind kind) => kind.Name;
}
