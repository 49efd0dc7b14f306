using System.Text.RegularExpressions;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// The typed commands of the data-rights feature: "ลบข้อมูลของฉัน" / "erase my data" in personal chat (the whole
/// message, any case and spacing), and "erase @Someone" / "ลบข้อมูล @Someone" in a workshop's channel.
/// </summary>
internal static partial class DataRightsCommands
{
    private static readonly HashSet<string> EraseMine = new(StringComparer.Ordinal)
    {
        "ลบข้อมูลของฉัน",
        "ลบข้อมูล ของฉัน",
        "erase my data",
        "delete my data",
    };

    private static readonly HashSet<string> EraseOtherWords = new(StringComparer.OrdinalIgnoreCase) { "erase", "ลบข้อมูล" };

    public static bool IsEraseMine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return false;
        }
        var normalized = Spaces().Replace(text.Trim().TrimEnd('.', '!', '?', '。').Trim(), " ").ToLowerInvariant();
        return EraseMine.Contains(normalized);
    }

    /// <summary>"erase …" or "ลบข้อมูล …": the facilitator's command, whose target is the message's other @mention.</summary>
    public static bool IsEraseOther(string? text) =>
        CommandText.FirstWord(text) is { } first && EraseOtherWords.Contains(first) && !IsEraseMine(text);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
