using DocumentFormat.OpenXml.Wordprocessing;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// The document's typeface: TH Sarabun New, the Thai government's standard face, for every script slot (ascii,
/// hAnsi, eastAsia and the complex-script slot Thai uses), as the ministry's reports set it. The fallback is declared in
/// the font table: Thai character set (0xDE), sans-serif family, variable pitch, alternate name Tahoma, so a Word without
/// TH Sarabun New substitutes a Thai face (Tahoma is on every Windows); LibreOffice on Debian resolves the name through
/// fontconfig, where fonts-thai-tlwg maps TH Sarabun New to Laksaman, which has the same metrics.
/// </summary>
internal static class DocxFonts
{
    public const string Face = "TH Sarabun New";
    public const string AlternateFace = "Tahoma";

    /// <summary>16 pt, the ministry's body size (half-points).</summary>
    public const int BodySize = 32;

    public static RunFonts RunFonts() => new() { Ascii = Face, HighAnsi = Face, EastAsia = Face, ComplexScript = Face };

    public static Fonts Table() => new(
        new Font(
            new AltName { Val = AlternateFace },
            new FontCharSet { Val = "DE" },
            new FontFamily { Val = FontFamilyValues.Swiss },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = Face },
        new Font(
            new FontCharSet { Val = "DE" },
            new FontFamily { Val = FontFamilyValues.Swiss },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = AlternateFace });
}
