using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Localization;

/// <summary>A text a person reads, in Thai and in English.</summary>
internal sealed record LocalizedText(string Th, string En)
{
    public string In(Language language) => language == Language.English ? En : Th;

    /// <summary>The text in the other language than <paramref name="language"/>, shown small under the main one.</summary>
    public string Other(Language language) => language == Language.English ? Th : En;
}
