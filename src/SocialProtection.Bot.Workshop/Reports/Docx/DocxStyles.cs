using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// The styles part: document defaults (TH Sarabun New 16 pt, Thai as the complex-script language) and Word's built-in
/// styles by their built-in names, so Word's navigation pane, table of contents and style gallery know them: Normal,
/// Title, Subtitle, heading 1–3 (outline levels 1–3), Caption, Quote, List Paragraph, Table Normal, plus a compact style
/// for table text.
/// </summary>
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Caption = "Caption";
    public const string Quote = "Quote";
    public const string ListParagraph = "ListParagraph";
    public const string TableText = "TableText";
    public const string Footer = "Footer";

    public static string Heading(int level) => "Heading" + level.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Styles Create(string language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                DocxFonts.RunFonts(),
                new FontSize { Val = Half(DocxFonts.BodySize) },
                new FontSizeComplexScript { Val = Half(DocxFonts.BodySize) },
                new Languages { Val = language, EastAsia = language, Bidi = "th-TH" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "80", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph("Normal", "Normal", basedOn: null, isDefault: true),
        Paragraph(Title, "Title", "Normal", size: 40, bold: true, justification: JustificationValues.Center, spacingBefore: 0, spacingAfter: 120),
        Paragraph(Subtitle, "Subtitle", "Normal", size: 36, bold: true, justification: JustificationValues.Center, spacingAfter: 120),
        Heading(1, size: 36, spacingBefore: 360),
        Heading(2, size: 32, spacingBefore: 240),
        Heading(3, size: 32, spacingBefore: 200),
        Paragraph(Caption, "caption", "Normal", size: 28, bold: true, keepNext: true, spacingAfter: 160),
        Paragraph(Quote, "Quote", "Normal", size: 30, color: "404040", indentLeft: 1440, spacingAfter: 60),
        Paragraph(ListParagraph, "List Paragraph", "Normal", indentLeft: 1080),
        Paragraph(TableText, "Table Text", "Normal", size: 28, spacingAfter: 0),
        Paragraph(Footer, "footer", "Normal", size: 28, justification: JustificationValues.Center, spacingAfter: 0),
        new Style(
            new StyleName { Val = "Default Paragraph Font" },
            new UIPriority { Val = 1 },
            new SemiHidden(),
            new UnhideWhenUsed())
        { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true },
        new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

    private static Style Heading(int level, int size, int spacingBefore) =>
        Paragraph(Heading(level), "heading " + level.ToString(System.Globalization.CultureInfo.InvariantCulture), "Normal",
            size: size, bold: true, keepNext: true, spacingBefore: spacingBefore, spacingAfter: 120, outlineLevel: level - 1, color: level == 1 ? "1F3864" : null);

    private static Style Paragraph(
        string id,
        string name,
        string? basedOn,
        bool isDefault = false,
        int? size = null,
        bool bold = false,
        JustificationValues? justification = null,
        bool keepNext = false,
        int? spacingBefore = null,
        int? spacingAfter = null,
        int? indentLeft = null,
        int? outlineLevel = null,
        string? color = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }
        style.Append(new UIPriority { Val = outlineLevel is null ? 10 : 9 });
        style.Append(new PrimaryStyle());

        var paragraph = new StyleParagraphProperties();
        if (keepNext)
        {
            paragraph.Append(new KeepNext(), new KeepLines());
        }
        if (spacingBefore is not null || spacingAfter is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (spacingBefore is not null)
            {
                spacing.Before = Half(spacingBefore.Value);
            }
            if (spacingAfter is not null)
            {
                spacing.After = Half(spacingAfter.Value);
            }
            paragraph.Append(spacing);
        }
        if (indentLeft is not null)
        {
            paragraph.Append(new Indentation { Left = indentLeft.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        if (justification is not null)
        {
            paragraph.Append(new Justification { Val = justification.Value });
        }
        if (outlineLevel is not null)
        {
            paragraph.Append(new OutlineLevel { Val = outlineLevel.Value });
        }
        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold(), new BoldComplexScript());
        }
        if (color is not null)
        {
            run.Append(new Color { Val = color });
        }
        if (size is not null)
        {
            run.Append(new FontSize { Val = Half(size.Value) }, new FontSizeComplexScript { Val = Half(size.Value) });
        }
        if (run.HasChildren)
        {
            style.Append(run);
        }
        return style;
    }

    private static StringValue Half(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
