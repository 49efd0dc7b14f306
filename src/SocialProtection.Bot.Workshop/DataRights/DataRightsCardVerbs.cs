using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>The verbs of the erasure confirmation card, and the one data field it carries.</summary>
internal static class DataRightsCardVerbs
{
    public const string EraseConfirm = "data.erase.confirm";
    public const string EraseCancel = "data.erase.cancel";

    /// <summary>The language the card was shown in ("th" or "en"), so the answer is in the same one.</summary>
    public const string LanguageField = "lang";

    /// <summary>Where the Submit fallback carries the verb (the router's field).</summary>
    public const string VerbField = "verb";

    public static IReadOnlyList<string> All { get; } = [EraseConfirm, EraseCancel];
}
