using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>
/// The pieces of the cards the bot posts in channels. A channel is read by people of either language, so every text
/// shows Thai first with English beneath it; user text (titles, group names) is always escaped.
/// </summary>
internal static class FacilitationCardParts
{
    public static TextCatalog Strings => FacilitationText.Default;

    public static AdaptiveCard Card(IReadOnlyList<AdaptiveElement> body, IReadOnlyList<AdaptiveAction>? actions = null, CardRefresh? refresh = null) => new()
    {
        Body = body,
        Actions = actions is { Count: > 0 } ? actions : null,
        FallbackText = Strings.Both(FacilitationTextKeys.FallbackText),
        Refresh = refresh,
        MsTeams = TeamsCardProperties.FullWidth,
    };

    /// <summary>The card's title: Thai large, English small beneath.</summary>
    public static IEnumerable<AdaptiveElement> Title(string key, params object[] args)
    {
        var text = Strings.Localized(key, args);
        yield return new TextBlock(text.Th) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };
        yield return new TextBlock(text.En) { IsSubtle = true, Wrap = true, Spacing = Spacing.None };
    }

    /// <summary>A paragraph in both languages: Thai, then English small and grey.</summary>
    public static IEnumerable<AdaptiveElement> Bilingual(string key, params object[] args) => Bilingual(Strings.Localized(key, args));

    public static IEnumerable<AdaptiveElement> Bilingual(LocalizedText text, TextColor? color = null)
    {
        yield return new TextBlock(text.Th) { Wrap = true, Color = color };
        yield return new TextBlock(text.En) { Wrap = true, Size = TextSize.Small, IsSubtle = color is null, Color = color, Spacing = Spacing.None };
    }

    /// <summary>A workshop's title as a heading: user text, escaped.</summary>
    public static TextBlock WorkshopTitle(string title) =>
        new(CardText.Escape(title)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true };

    /// <summary>The workshop's date in both calendars and languages.</summary>
    public static IEnumerable<AdaptiveElement> Date(DateOnly date) => Bilingual(new LocalizedText(
        Strings.Format(FacilitationTextKeys.CardDate, Language.Thai, ThaiDateFormatter.Format(date, Language.Thai)),
        Strings.Format(FacilitationTextKeys.CardDate, Language.English, ThaiDateFormatter.Format(date, Language.English))));

    /// <summary>When the card's numbers were counted, in both languages.</summary>
    public static TextBlock AsOf(DateTimeOffset at) => new(
        Strings.Format(FacilitationTextKeys.CardAsOf, Language.Thai, ThaiDateFormatter.FormatDateTime(at, Language.Thai)) + " / "
        + Strings.Format(FacilitationTextKeys.CardAsOf, Language.English, ThaiDateFormatter.FormatDateTime(at, Language.English)))
    {
        Size = TextSize.Small,
        IsSubtle = true,
        Wrap = true,
    };

    public static TextBlock Hint(string key, params object[] args) =>
        new(Strings.Both(key, args)) { Size = TextSize.Small, IsSubtle = true, Wrap = true };

    /// <summary>Problems to fix, in the attention colour.</summary>
    public static IEnumerable<AdaptiveElement> Problems(IReadOnlyList<(string Key, object[] Args)> problems) =>
        problems.SelectMany(p => Bilingual(Strings.Localized(p.Key, p.Args), TextColor.Attention));

    /// <summary>A button that works as Action.Execute and, where that fails (Teams mobile), as Action.Submit with the same data.</summary>
    public static ExecuteAction Button(string titleKey, string verb, WorkshopCardData data, bool sendsInputs) =>
        ExecuteAction.WithSubmitFallback(
            Strings.Both(titleKey),
            verb,
            data,
            sendsInputs ? AssociatedInputs.Auto : AssociatedInputs.None);

    /// <summary>A label for a Choice or input: plain text there, but kept to one line of readable characters.</summary>
    public static string Label(string userText) => CardText.Truncate(string.Concat(userText.Where(c => !char.IsControl(c))), 120);
}
