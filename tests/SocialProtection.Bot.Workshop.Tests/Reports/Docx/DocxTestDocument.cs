using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SocialProtection.Bot.Workshop.Tests.Reports.Docx;

/// <summary>A rendered .docx opened read-only, with the questions tests ask of it.</summary>
internal sealed class DocxTestDocument : IDisposable
{
    private readonly MemoryStream _stream;

    public DocxTestDocument(byte[] bytes)
    {
        _stream = new MemoryStream(bytes, writable: false);
        Package = WordprocessingDocument.Open(_stream, isEditable: false);
    }

    public WordprocessingDocument Package { get; }

    public MainDocumentPart Main => Package.MainDocumentPart!;

    public Body Body => Main.Document!.Body!;

    /// <summary>The text of each body paragraph (tables included), in order.</summary>
    public List<string> Paragraphs => [.. Body.Descendants<Paragraph>().Select(p => p.InnerText)];

    /// <summary>The text of the paragraphs in the style <paramref name="styleId"/>.</summary>
    public List<string> InStyle(string styleId) =>
        [.. Body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == styleId).Select(p => p.InnerText)];

    public List<string> Headings => [.. Body.Descendants<Paragraph>()
        .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2" or "Heading3")
        .Select(p => p.InnerText)];

    /// <summary>Every error the Open XML SDK's validator finds, as readable lines.</summary>
    public List<string> ValidationErrors() =>
        [.. new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(Package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];

    public void Dispose()
    {
        Package.Dispose();
        _stream.Dispose();
    }
}
