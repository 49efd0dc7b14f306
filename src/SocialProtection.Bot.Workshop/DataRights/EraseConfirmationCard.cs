using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// The card that asks a participant to confirm erasing their data, and the card that replaces it with the outcome.
/// Buttons are Action.Execute with an Action.Submit fallback (Teams mobile). The card carries no id of anyone: who
/// is erased is always the person who pressed.
/// </summary>
internal static class EraseConfirmationCard
{
    private static readonly TextCatalog T = DataRightsText.Default;

    public static AdaptiveCard Build(Language language)
    {
        var data = new EraseCardData { Language = language.ToCode() };
        return new AdaptiveCard
        {
            Body =
            [
                Caption(language),
                new TextBlock(T.Get(DataRightsTextKeys.EraseCardTitle, language)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                new TextBlock(T[DataRightsTextKeys.EraseCardTitle].Other(language)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
                new TextBlock(T.Get(DataRightsTextKeys.EraseCardBody, language)) { Wrap = true },
            ],
            Actions =
            [
                ExecuteAction.WithSubmitFallback(T.Get(DataRightsTextKeys.EraseCardConfirm, language), DataRightsCardVerbs.EraseConfirm, data, AssociatedInputs.None),
                ExecuteAction.WithSubmitFallback(T.Get(DataRightsTextKeys.EraseCardCancel, language), DataRightsCardVerbs.EraseCancel, data, AssociatedInputs.None),
            ],
            FallbackText = T.Get(DataRightsTextKeys.EraseCardFallback, language),
            Lang = language.ToCode(),
            MsTeams = TeamsCardProperties.FullWidth,
        };
    }

    /// <summary>The card after a choice: the outcome, and no buttons left to press.</summary>
    public static AdaptiveCard Outcome(Language language, string message, bool good) => new()
    {
        Body =
        [
            Caption(language),
            new TextBlock(message) { Wrap = true, Weight = TextWeight.Bolder, Color = good ? TextColor.Good : TextColor.Default },
        ],
        FallbackText = message,
        Lang = language.ToCode(),
        MsTeams = TeamsCardProperties.FullWidth,
    };

    private static TextBlock Caption(Language language) =>
        new(T.Get(DataRightsTextKeys.EraseCardCaption, language)) { Size = TextSize.Small, IsSubtle = true, Wrap = true };
}
