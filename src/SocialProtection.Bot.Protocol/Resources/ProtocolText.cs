using System.Globalization;
using System.Resources;

namespace SocialProtection.Bot.Protocol.Resources;

/// <summary>The few texts the protocol layer itself shows a person, in Thai and English (ProtocolText*.resx).</summary>
internal static class ProtocolText
{
    private static readonly ResourceManager Resources = new("SocialProtection.Bot.Protocol.Resources.ProtocolText", typeof(ProtocolText).Assembly);

    /// <summary>"Please try again", in the activity's language (Thai for "th…", English otherwise).</summary>
    public static string TurnFailed(string? locale) => Resources.GetString(nameof(TurnFailed), Culture(locale)) ?? "Please try again.";

    private static CultureInfo Culture(string? locale)
    {
        try
        {
            return string.IsNullOrWhiteSpace(locale) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
