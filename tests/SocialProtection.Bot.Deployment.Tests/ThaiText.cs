namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>Recognises Thai script (Unicode block U+0E00–U+0E7F).</summary>
public static class ThaiText
{
    public static bool Contains(string text) => text.Any(c => c is >= '\u0E00' and <= '\u0E7F');
}
