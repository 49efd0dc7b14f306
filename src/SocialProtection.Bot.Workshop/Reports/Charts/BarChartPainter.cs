using SkiaSharp;
using SkiaSharp.HarfBuzz;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>
/// Draws a horizontal bar chart as a PNG, in-process with Skia: each bar's label above it (shaped with HarfBuzz, so Thai
/// vowels and tone marks sit on their consonants), the bar, and its value at its end. Long labels are shortened at a
/// grapheme boundary; the table next to the chart has them in full. Without a Thai-capable typeface the bars are
/// labelled with their row numbers instead of tofu; without Skia's native library there is no chart (null).
/// </summary>
internal sealed class BarChartPainter
{
    /// <summary>Pixels across: sharp when Word shows it about 15 cm wide (about 240 dpi).</summary>
    public const int Width = 1400;

    private const float Margin = 24;
    private const float LabelSize = 40;
    private const float BarHeight = 40;
    private const float LabelGap = 6;
    private const float RowGap = 22;
    private const float ValueGap = 12;
    private const int MaxLabelElements = 90;

    private static readonly SKColor BarColor = new(0x2B, 0x57, 0x97);
    private static readonly SKColor TextColor = new(0x1B, 0x1B, 0x1B);
    private static readonly SKColor AxisColor = new(0xBB, 0xBB, 0xBB);

    private readonly SKTypeface? _typeface;
    private readonly bool _useFoundTypeface;

    /// <summary>A painter with the machine's Thai typeface (<see cref="ChartTypeface.Thai"/>), found on first use.</summary>
    public BarChartPainter() => _useFoundTypeface = true;

    /// <summary>A painter with <paramref name="typeface"/>; null draws row numbers instead of labels.</summary>
    public BarChartPainter(SKTypeface? typeface) => _typeface = typeface;

    /// <summary>
    /// The chart of <paramref name="bars"/> with values written by <paramref name="number"/>, or null when there is
    /// nothing to draw or no native Skia on this machine.
    /// </summary>
    public ChartImage? Paint(IReadOnlyList<ChartBar> bars, Func<int, string> number)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(number);
        if (bars.Count == 0)
        {
            return null;
        }
        try
        {
            return Draw(bars, number, _useFoundTypeface ? ChartTypeface.Thai : _typeface);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    private static ChartImage? Draw(IReadOnlyList<ChartBar> bars, Func<int, string> number, SKTypeface? thai)
    {
        // Without a Thai face, digits and Latin letters still draw in the default face: labels become "#1", "#2" …
        var typeface = thai ?? SKTypeface.Default;
        Func<int, string> write = thai is null ? (v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : number;
        using var font = new SKFont(typeface, LabelSize) { Subpixel = true, Edging = SKFontEdging.Antialias };
        using var shaper = new SKShaper(typeface);
        using var textPaint = new SKPaint { Color = TextColor, IsAntialias = true };
        using var barPaint = new SKPaint { Color = BarColor, IsAntialias = true };
        using var axisPaint = new SKPaint { Color = AxisColor, StrokeWidth = 2, IsAntialias = true };

        var metrics = font.Metrics;
        var labelHeight = metrics.Descent - metrics.Ascent;
        var rowHeight = labelHeight + LabelGap + BarHeight + RowGap;
        var height = (int)Math.Ceiling(Margin * 2 + rowHeight * bars.Count - RowGap);
        var values = bars.Select(b => write(b.Value)).ToList();
        var valueWidth = values.Max(v => shaper.Shape(v, font).Width);
        var barSpace = Width - 2 * Margin - ValueGap - valueWidth;
        var max = Math.Max(1, bars.Max(b => b.Value));
        var labelSpace = Width - 2 * Margin;

        var info = new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var y = Margin;
        for (var i = 0; i < bars.Count; i++)
        {
            var label = thai is null ? "#" + write(i + 1) : Fit(bars[i].Label, shaper, font, labelSpace);
            canvas.DrawShapedText(shaper, label, Margin, y - metrics.Ascent, SKTextAlign.Left, font, textPaint);
            var barTop = y + labelHeight + LabelGap;
            var length = Math.Max(bars[i].Value > 0 ? 3f : 0f, barSpace * bars[i].Value / max);
            canvas.DrawRect(Margin, barTop, length, BarHeight, barPaint);
            var valueBaseline = barTop + BarHeight / 2 - (metrics.Ascent + metrics.Descent) / 2;
            canvas.DrawShapedText(shaper, values[i], Margin + length + ValueGap, valueBaseline, SKTextAlign.Left, font, textPaint);
            y += rowHeight;
        }
        canvas.DrawLine(Margin - 1, Margin, Margin - 1, height - Margin, axisPaint);

        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        // Flat bars and text compress as well with the Sub filter alone, at a third of the time of trying every filter.
        using var data = pixels is null
            ? image.Encode(SKEncodedImageFormat.Png, 100)
            : pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, zLibLevel: 6));
        return data is null ? null : new ChartImage(data.ToArray(), Width, height);
    }

    /// <summary>The label, shortened at a grapheme boundary until its shaped width fits.</summary>
    private static string Fit(string label, SKShaper shaper, SKFont font, float space)
    {
        var oneLine = string.Join(' ', label.Split('\n', '\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var elements = MaxLabelElements;
        var text = CardText.Truncate(oneLine, elements);
        while (elements > 4 && shaper.Shape(text, font).Width > space)
        {
            elements = elements * 4 / 5;
            text = CardText.Truncate(oneLine, elements);
        }
        return text;
    }
}
