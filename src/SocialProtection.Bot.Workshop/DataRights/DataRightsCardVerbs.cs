using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>The verbs of the erasure confirmation card (their data is an <see cref="EraseCardData"/>).</summary>
internal static class DataRightsCardVerbs
{
    public const string EraseConfirm = "data.erase.confirm";
    public const string EraseCancel = "data.erase.cancel";

    public static IReadOnlyList<string> All { get; } = [EraseConfirm, EraseCancel];
}
