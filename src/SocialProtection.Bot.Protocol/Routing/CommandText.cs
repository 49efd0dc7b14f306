namespace SocialProtection.Bot.Protocol.Routing;

/// <summary>Splits typed command text ("edit 3", "แก้ไข 3") into its first word and the rest.</summary>
public static class CommandText
{
    public static string? FirstWord(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        var end = trimmed.IndexOfAny([' ', '\t', '\n', '\r', '\u00A0']);
        return end < 0 ? trimmed : trimmed[..end];
    }

    public static string Rest(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var end = trimmed.IndexOfAny([' ', '\t', '\n', '\r', '\u00A0']);
        return end < 0 ? "" : trimmed[(end + 1)..].Trim();
    }
}
