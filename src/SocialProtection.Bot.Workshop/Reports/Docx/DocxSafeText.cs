using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// Makes text fit to stand in a Word text run: it keeps what a person wrote and drops what could change how it shows or
/// break the XML. Removed: C0 and C1 control characters other than tab and line breaks, bidirectional embeddings,
/// overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), lone surrogates and
/// noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF), none of which XML 1.0 or a reader needs. Line breaks of any kind
/// become '\n' (the renderer makes them <c>w:br</c>); tabs stay (<c>w:tab</c>). The rule is <see cref="UnsafeCharacters"/>'s,
/// shared with the cards and every other export.
/// </summary>
internal static class DocxSafeText
{
    public static string Clean(string? text) => UnsafeCharacters.Remove(text);
}
