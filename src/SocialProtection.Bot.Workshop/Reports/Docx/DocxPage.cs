using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// The page: A4 portrait (11906 × 16838 twips) with the margins of Thai official documents (top 2.5 cm, left 3 cm,
/// right and bottom 2 cm), and a footer with the page number, the document's only field (PAGE). In Thai the section's
/// page numbers are Thai digits (Word shows ๑, ๒ …; LibreOffice shows 1, 2 …).
/// </summary>
internal static class DocxPage
{
    public const int Width = 11906;
    public const int Height = 16838;
    public const int TopMargin = 1418;
    public const int LeftMargin = 1701;
    public const int RightMargin = 1134;
    public const int BottomMargin = 1134;

    public static SectionProperties Section(MainDocumentPart main, string pageWord, bool thaiDigits)
    {
        var footer = main.AddNewPart<FooterPart>();
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Footer }, new Justification { Val = JustificationValues.Center }));
        paragraph.Append(DocxRuns.Of(pageWord));
        // A simple field with a cached result; Word and LibreOffice recompute it on every page.
        paragraph.Append(new SimpleField(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("1"))) { Instruction = " PAGE " });
        footer.Footer = new Footer(paragraph);
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = Width, Height = Height, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = TopMargin,
                Right = RightMargin,
                Bottom = BottomMargin,
                Left = LeftMargin,
                Header = 709,
                Footer = 567,
                Gutter = 0,
            },
            new PageNumberType { Format = thaiDigits ? NumberFormatValues.ThaiNumbers : NumberFormatValues.Decimal });
    }
}
