using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using SocialProtection.Bot.Workshop.Reports.Charts;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// Writes the document's body block by block: headings in Word's heading styles, paragraphs, numbered items, quotes,
/// tables whose first row repeats on every page, and chart pictures. All text goes through <see cref="DocxRuns"/>.
/// </summary>
internal sealed class DocxBody(Body body, DocxImages images)
{
    /// <summary>The A4 text width in twips: 11906 less the 3 cm and 2 cm side margins.</summary>
    public const int TextWidth = 11906 - DocxPage.LeftMargin - DocxPage.RightMargin;

    private const string HeaderFill = "DCE3EF";
    private const string BorderColor = "8C8C8C";

    public void Heading(int level, string text) => Append(DocxStyles.Heading(level), Runs(text));

    public void Paragraph(string text, string? style = null, JustificationValues? justification = null, bool bold = false, bool keepNext = false) =>
        Append(style, DocxRuns.Of(text, bold), justification, keepNext);

    /// <summary>"label: text", the label in bold (e.g. a respondent and their answer).</summary>
    public void Labelled(string label, string text, string? style = null) =>
        Append(style, DocxRuns.Of(label + ": ", bold: true).Concat(DocxRuns.Of(text)));

    /// <summary>An item of the list <paramref name="listId"/> (from <see cref="DocxNumbering.NewList"/>): its text, then a note in plain type.</summary>
    public void Item(int listId, string text, string? note = null, bool bold = true)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = DocxStyles.ListParagraph },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = listId })));
        paragraph.Append(DocxRuns.Of(text, bold));
        if (note is not null)
        {
            paragraph.Append(DocxRuns.Of(" " + note));
        }
        body.Append(paragraph);
    }

    /// <summary>A quoted answer under an item: “text” — who.</summary>
    public void Quote(string text, string attribution) =>
        Append(DocxStyles.Quote, DocxRuns.Of("“" + DocxSafeText.Clean(text).Trim() + "”").Concat(DocxRuns.Of(" — " + attribution, bold: true)));

    public void Chart(ChartImage image, string altText, string caption)
    {
        var paragraph = new Paragraph(
            new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
            new Run(images.Inline(image, altText)));
        body.Append(paragraph);
        Append(DocxStyles.Caption, DocxRuns.Of(caption), JustificationValues.Center);
    }

    public void PageBreak() => body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    /// <summary>
    /// A table with a heading row that repeats at the top of every page, rows that do not split across pages, and the
    /// last row in bold when <paramref name="lastRowBold"/> (a total).
    /// </summary>
    public void Table(IReadOnlyList<DocxTableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, bool lastRowBold = false)
    {
        var scale = (double)TextWidth / columns.Sum(c => c.Width);
        var widths = columns.Select(c => (int)Math.Floor(c.Width * scale)).ToList();
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = BorderColor },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = BorderColor },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = BorderColor },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = BorderColor },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = BorderColor },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = BorderColor }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        table.Append(Row(columns.Select(c => c.Heading).ToList(), columns, widths, header: true, bold: true));
        var all = rows.ToList();
        for (var i = 0; i < all.Count; i++)
        {
            table.Append(Row(all[i], columns, widths, header: false, bold: lastRowBold && i == all.Count - 1));
        }
        body.Append(table);
        // A paragraph after a table, so two tables never merge and the caption or text that follows has room.
        body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<DocxTableColumn> columns, List<int> widths, bool header, bool bold)
    {
        var row = new TableRow(header
            ? new TableRowProperties(new CantSplit(), new TableHeader())
            : new TableRowProperties(new CantSplit()));
        for (var c = 0; c < columns.Count; c++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (header)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = HeaderFill });
            }
            var paragraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.TableText });
            if (columns[c].Numeric && !header)
            {
                paragraphProperties.Append(new Justification { Val = JustificationValues.Right });
            }
            var paragraph = new Paragraph(paragraphProperties);
            paragraph.Append(DocxRuns.Of(c < cells.Count ? cells[c] : "", bold));
            row.Append(new TableCell(properties, paragraph));
        }
        return row;
    }

    private static IEnumerable<Run> Runs(string text) => DocxRuns.Of(text);

    private void Append(string? style, IEnumerable<Run> runs, JustificationValues? justification = null, bool keepNext = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }
        if (justification is not null)
        {
            properties.Append(new Justification { Val = justification.Value });
        }
        var paragraph = properties.HasChildren ? new Paragraph(properties) : new Paragraph();
        paragraph.Append(runs);
        body.Append(paragraph);
    }
}
