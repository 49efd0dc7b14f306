using System.Globalization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Finds the group a facilitator named in a command: by its name (any case), by its number as listed (Thai digits
/// too), with or without a leading "group"/"กลุ่ม"; "all"/"ทั้งหมด"/"ทุกกลุ่ม" means every group.
/// </summary>
internal static class GroupSelector
{
    private static readonly string[] AllWords = ["all", "all groups", "ทั้งหมด", "ทุกกลุ่ม"];
    private static readonly string[] GroupWords = ["group", "กลุ่มที่", "กลุ่ม", "no.", "#"];

    /// <summary>The groups <paramref name="argument"/> selects: every group for none or "all", one group, or none at all (unknown).</summary>
    public static IReadOnlyList<BreakoutGroup> Select(WorkshopRecord workshop, string? argument)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        var text = argument?.Trim() ?? "";
        if (text.Length == 0 || AllWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return workshop.Groups;
        }
        return Find(workshop, text) is { } group ? [group] : [];
    }

    public static BreakoutGroup? Find(WorkshopRecord workshop, string text)
    {
        if ((ByName(workshop, text) ?? ByNumber(workshop, text)) is { } direct)
        {
            return direct;
        }
        foreach (var word in GroupWords)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                var rest = text[word.Length..].Trim();
                if (rest.Length > 0 && (ByName(workshop, rest) ?? ByNumber(workshop, rest)) is { } group)
                {
                    return group;
                }
            }
        }
        return null;
    }

    private static BreakoutGroup? ByName(WorkshopRecord workshop, string text) =>
        workshop.Groups.FirstOrDefault(g => string.Equals(Squash(g.Name), Squash(text), StringComparison.OrdinalIgnoreCase));

    private static BreakoutGroup? ByNumber(WorkshopRecord workshop, string text) =>
        int.TryParse(ThaiDigits.ToAscii(text), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && number >= 1 && number <= workshop.Groups.Length
            ? workshop.Groups[number - 1]
            : null;

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
