using DocumentFormat.OpenXml.Wordprocessing;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// The numbering part: one list definition for the report's items, "๑)" "๒)" in Thai (Word's thaiNumbers format) or
/// "1)" "2)" in English, and one numbering instance per list so each list starts again at one. Section numbers are
/// written in the headings' text instead ("๓.๑.๑ ด้านยุทธศาสตร์", as the ministry's reports print them), so they read
/// the same in every program and when pasted into another document. (LibreOffice shows thaiNumbers lists as 1) 2).)
/// </summary>
internal sealed class DocxNumbering(bool thaiDigits)
{
    private const int ItemsDefinition = 1;
    private int _lists;

    /// <summary>A new list starting at ๑): the numbering id its items refer to.</summary>
    public int NewList() => ++_lists;

    public Numbering Build()
    {
        var numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = thaiDigits ? NumberFormatValues.ThaiNumbers : NumberFormatValues.Decimal },
                    new LevelText { Val = "%1)" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "1080", Hanging = "600" }))
                { LevelIndex = 0 })
            { AbstractNumberId = ItemsDefinition });
        for (var id = 1; id <= _lists; id++)
        {
            numbering.Append(new NumberingInstance(
                new AbstractNumId { Val = ItemsDefinition },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
            { NumberID = id });
        }
        return numbering;
    }
}
