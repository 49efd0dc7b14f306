using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// Text as Word runs, the only way text enters the document: cleaned by <see cref="DocxSafeText"/>, line breaks as
/// <c>w:br</c>, tabs as <c>w:tab</c>, spaces kept. Nothing is parsed, so no text can become a field, a hyperlink or
/// markup. A run with Thai letters is marked Thai (<c>w:lang w:bidi="th-TH"</c>: Thai is a complex script in Word).
/// </summary>
internal static class DocxRuns
{
    public static IEnumerable<Run> Of(string? text, bool bold = false)
    {
        var clean = DocxSafeText.Clean(text);
        if (clean.Length == 0)
        {
            yield break;
        }
        var run = new Run();
        if (Properties(clean, bold) is { HasChildren: true } properties)
        {
            run.Append(properties);
        }
        var lines = clean.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                run.Append(new Break());
            }
            var pieces = lines[l].Split('\t');
            for (var p = 0; p < pieces.Length; p++)
            {
                if (p > 0)
                {
                    run.Append(new TabChar());
                }
                if (pieces[p].Length > 0)
                {
                    run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(pieces[p]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }
        yield return run;
    }

    private static RunProperties Properties(string text, bool bold)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold(), new BoldComplexScript());
        }
        if (HasThai(text))
        {
            properties.Append(new Languages { Bidi = "th-TH" });
        }
        return properties;
    }

    private static bool HasThai(string text) => text.AsSpan().IndexOfAnyInRange('\u0E00', '\u0E7F') >= 0;
}
