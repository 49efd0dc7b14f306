using System.Globalization;
using System.Runtime.CompilerServices;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>
/// The pieces every participant card is made of, so all cards look alike: caption, heading with the other language
/// below, notices, user text that is never parsed as markdown, and buttons that work as Action.Execute and as
/// Action.Submit.
/// </summary>
internal static class CardParts
{
    // A question set's texts do not change while it is loaded, and escaping a long Thai text needs ICU's line breaker:
    // each text is escaped once, not on every card. Keyed by the text object, so entries go when the set goes.
    private static readonly ConditionalWeakTable<LocalizedText, LocalizedText> EscapedSetTexts = [];

    public static AdaptiveCard Card(CardContext context, IReadOnlyList<AdaptiveElement> body, IReadOnlyList<AdaptiveAction>? actions = null, CardRefresh? refresh = null) => new()
    {
        Body = body,
        Actions = actions is { Count: > 0 } ? actions : null,
        FallbackText = context.T(UiTextKeys.FallbackText),
        Refresh = refresh,
        MsTeams = TeamsCardProperties.FullWidth,
    };

    /// <summary>Small grey line above the heading ("Question 3 / 11 · Required").</summary>
    public static TextBlock Caption(string text) => new(text) { Size = TextSize.Small, IsSubtle = true, Wrap = true };

    /// <summary>The main text in the reader's language; <paramref name="markdown"/> must already be safe markdown.</summary>
    public static TextBlock Heading(string markdown) =>
        new(markdown) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };

    /// <summary>The same text in the other language, small, under the heading.</summary>
    public static TextBlock OtherLanguage(string markdown) =>
        new(markdown) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None };

    public static TextBlock Paragraph(string markdown) => new(markdown) { Wrap = true };

    public static TextBlock Hint(string markdown) => new(markdown) { Size = TextSize.Small, IsSubtle = true, Wrap = true };

    /// <summary>Heading and other-language line for a text from a question set (escaped: a set may be written by anyone).</summary>
    public static IEnumerable<AdaptiveElement> Bilingual(CardContext context, LocalizedText text)
    {
        var escaped = Escaped(text);
        yield return Heading(escaped.In(context.Language));
        yield return OtherLanguage(escaped.Other(context.Language));
    }

    /// <summary>A text from a question set, made safe for a TextBlock (<see cref="CardText.Escape"/>) in both languages.</summary>
    public static LocalizedText Escaped(LocalizedText text) =>
        EscapedSetTexts.GetValue(text, static t => new LocalizedText(CardText.Escape(t.Th), CardText.Escape(t.En)));

    public static TextBlock? NoticeBlock(CardContext context, Notice? notice) => notice is null
        ? null
        : new TextBlock(context.Text.Format(notice, context.Language))
        {
            Wrap = true,
            Weight = notice.Tone == NoticeTone.Problem ? TextWeight.Bolder : null,
            Color = notice.Tone switch
            {
                NoticeTone.Problem => TextColor.Attention,
                NoticeTone.Success => TextColor.Good,
                _ => TextColor.Accent,
            },
        };

    /// <summary>
    /// A button: Action.Execute with an Action.Submit fallback carrying the same data, which names the question and
    /// the record revision the card shows so the bot can tell a stale card from the current one.
    /// </summary>
    public static ExecuteAction Button(
        CardContext context,
        string titleKey,
        string verb,
        string? questionId = null,
        int? index = null,
        Language? language = null,
        bool sendsInput = false,
        string? title = null)
    {
        var data = new CardActionData
        {
            Revision = context.Record.Revision,
            Workshop = context.Record.WorkshopId,
            QuestionId = questionId,
            Index = index,
            Language = language?.ToCode(),
        };
        return ExecuteAction.WithSubmitFallback(
            title ?? context.T(titleKey),
            verb,
            data,
            sendsInput ? AssociatedInputs.Auto : AssociatedInputs.None);
    }

    /// <summary>Asks Teams to fetch the card's current look whenever this user views it (no other user can).</summary>
    public static CardRefresh Refresh(CardContext context, string questionId) =>
        new(new ExecuteAction
        {
            Verb = CardVerbs.Refresh,
            Data = System.Text.Json.JsonSerializer.SerializeToElement(
                new CardActionData { QuestionId = questionId, Revision = context.Record.Revision, Workshop = context.Record.WorkshopId },
                CardDataJson.Options),
        })
        {
            UserIds = [context.UserId],
        };

    /// <summary>"Question 3 / 11 · Required".</summary>
    public static string Progress(CardContext context, int index, string stateKey) =>
        context.T(UiTextKeys.CardProgress, Number(index + 1), Number(context.Set.Count)) + " · " + context.T(stateKey);

    public static string RequiredKey(Question question) => question.Required ? UiTextKeys.CardRequired : UiTextKeys.CardOptional;

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Drops the nulls of optional parts.</summary>
    public static List<AdaptiveElement> Body(params IEnumerable<AdaptiveElement?>[] parts) =>
        [.. parts.SelectMany(p => p).OfType<AdaptiveElement>()];

    public static IEnumerable<AdaptiveElement?> One(AdaptiveElement? element) => [element];
}
