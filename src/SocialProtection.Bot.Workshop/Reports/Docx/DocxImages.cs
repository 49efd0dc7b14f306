using DocumentFormat.OpenXml.Packaging;
using SocialProtection.Bot.Workshop.Reports.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// A chart as a picture in the text (an inline DrawingML picture of a PNG image part), scaled to the text width, with
/// alternative text for screen readers (the picture's description).
/// </summary>
internal sealed class DocxImages(MainDocumentPart main)
{
    /// <summary>15 cm in EMUs (360,000 per cm): the A4 text width less a little.</summary>
    private const long DisplayWidth = 15L * 360_000;

    private const int MaxAltTextLength = 2000;

    private uint _nextId = 1;

    public W.Drawing Inline(ChartImage image, string altText)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(image.Png, writable: false))
        {
            part.FeedData(stream);
        }
        var relationshipId = main.GetIdOfPart(part);
        var id = _nextId++;
        var cx = DisplayWidth;
        var cy = DisplayWidth * image.Height / image.Width;
        var alt = DocxSafeText.Clean(altText).Replace('\n', ' ');
        if (alt.Length > MaxAltTextLength)
        {
            alt = Core.Text.CardText.Truncate(alt, MaxAltTextLength);
        }
        var name = "Chart " + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new W.Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = name, Description = alt },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(
                    new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = id, Name = name + ".png", Description = alt },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(
                                new A.Blip { Embed = relationshipId },
                                new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });
    }
}
