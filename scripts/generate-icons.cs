#:package StbImageWriteSharp
// Draws the Teams app icons into manifest/: color.png (192×192, white mark on the brand colour) and
// outline.png (32×32, white on fully transparent). The mark is an umbrella sheltering people, the
// common sign for social protection; the colour icon adds the initials "SP".
// Run from the repository root: dotnet run scripts/generate-icons.cs
// Shapes are geometry sampled 8×8 times per pixel, so the output is the same on every machine.
using StbImageWriteSharp;

var manifestDirectory = args.Length > 0 ? args[0] : Path.Combine(Directory.GetCurrentDirectory(), "manifest");
if (!Directory.Exists(manifestDirectory))
{
    Console.Error.WriteLine($"error: folder not found: {manifestDirectory} (run from the repository root, or pass the manifest folder)");
    return 1;
}

// Brand colour; manifest.json's accentColor is the same value.
var brand = (R: (byte)0x0E, G: (byte)0x6E, B: (byte)0x75);

WritePng(Path.Combine(manifestDirectory, "color.png"), 192, (x, y) => ColorMark(x, y), background: brand);
WritePng(Path.Combine(manifestDirectory, "outline.png"), 32, (x, y) => OutlineMark(x, y), background: null);
Console.WriteLine($"wrote {Path.Combine(manifestDirectory, "color.png")} and {Path.Combine(manifestDirectory, "outline.png")}");
return 0;

// The colour icon's mark in a 192-unit square: umbrella, two people, "SP".
static bool ColorMark(double x, double y) =>
    Shapes.Canopy(x, y, cx: 96, cy: 83, radius: 60, scallops: 4)
    || Shapes.Person(x, y, cx: 76, headY: 100, scale: 1.1)
    || Shapes.Person(x, y, cx: 116, headY: 100, scale: 1.1)
    || Shapes.LetterS(x, y, left: 63, top: 140, width: 28, height: 36, stroke: 7)
    || Shapes.LetterP(x, y, left: 104, top: 140, width: 26, height: 36, stroke: 7);

// The outline icon's mark in a 32-unit square: umbrella over one person.
static bool OutlineMark(double x, double y) =>
    Shapes.Canopy(x, y, cx: 16, cy: 15, radius: 13.5, scallops: 3)
    || Shapes.Person(x, y, cx: 16, headY: 20, scale: 0.4);

static void WritePng(string path, int size, Func<double, double, bool> mark, (byte R, byte G, byte B)? background)
{
    const int samples = 8;
    var pixels = new byte[size * size * 4];
    for (var py = 0; py < size; py++)
    {
        for (var px = 0; px < size; px++)
        {
            var hits = 0;
            for (var sy = 0; sy < samples; sy++)
            {
                for (var sx = 0; sx < samples; sx++)
                {
                    if (mark(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples))
                    {
                        hits++;
                    }
                }
            }
            var coverage = hits / (double)(samples * samples);
            var i = (py * size + px) * 4;
            if (background is { } bg)
            {
                // White blended over the opaque brand colour.
                pixels[i] = Blend(bg.R, coverage);
                pixels[i + 1] = Blend(bg.G, coverage);
                pixels[i + 2] = Blend(bg.B, coverage);
                pixels[i + 3] = 255;
            }
            else
            {
                // Teams wants pure white with the shape carried by alpha alone.
                pixels[i] = 255;
                pixels[i + 1] = 255;
                pixels[i + 2] = 255;
                pixels[i + 3] = (byte)Math.Round(coverage * 255);
            }
        }
    }
    using var stream = File.Create(path);
    new ImageWriter().WritePng(pixels, size, size, ColorComponents.RedGreenBlueAlpha, stream);
}

static byte Blend(byte channel, double whiteCoverage) => (byte)Math.Round(channel + (255 - channel) * whiteCoverage);

/// <summary>Inside tests for the parts of the mark, in pixel units with y pointing down.</summary>
static class Shapes
{
    /// <summary>An umbrella canopy: the upper half of a disc whose lower edge is cut into scallops.</summary>
    public static bool Canopy(double x, double y, double cx, double cy, double radius, int scallops)
    {
        var dx = x - cx;
        var dy = y - cy;
        if (y > cy + radius * 0.02 || dx * dx + dy * dy > radius * radius)
        {
            return false;
        }
        var scallopRadius = radius / scallops;
        for (var k = 0; k < scallops; k++)
        {
            var sx = cx - radius + scallopRadius * (2 * k + 1);
            var sy = cy + scallopRadius * 0.35;
            var ex = x - sx;
            var ey = y - sy;
            if (ex * ex + ey * ey < scallopRadius * scallopRadius)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A head and rounded shoulders; at scale 1 the head radius is 10 units.</summary>
    public static bool Person(double x, double y, double cx, double headY, double scale)
    {
        var headRadius = 10 * scale;
        var hx = x - cx;
        var hy = y - headY;
        if (hx * hx + hy * hy <= headRadius * headRadius)
        {
            return true;
        }
        // Shoulders: the top of an ellipse, cut flat at the bottom.
        var shoulderTop = headY + headRadius + 3 * scale;
        var shoulderHeight = 24 * scale;
        var shoulderHalfWidth = 17 * scale;
        if (y < shoulderTop || y > shoulderTop + shoulderHeight * 0.62)
        {
            return false;
        }
        var ux = (x - cx) / shoulderHalfWidth;
        var uy = (y - (shoulderTop + shoulderHeight)) / shoulderHeight;
        return ux * ux + uy * uy <= 1;
    }

    /// <summary>A sans-serif S built from two stacked circular arcs.</summary>
    public static bool LetterS(double x, double y, double left, double top, double width, double height, double stroke)
    {
        if (!InBox(x, y, left, top, width, height))
        {
            return false;
        }
        var half = stroke / 2;
        var rx = (width - stroke) / 2;
        var ry = (height - stroke) / 4;
        var cx = left + width / 2;
        var upperCy = top + half + ry;
        var lowerCy = top + half + 3 * ry;
        // Angles in degrees, clockwise from +x because y points down: 0 right, 90 bottom, 180 left, 270 top.
        return OnEllipseArc(x, y, cx, upperCy, rx, ry, from: 90, to: 335, half)
            || OnEllipseArc(x, y, cx, lowerCy, rx, ry, from: 270, to: 515, half);
    }

    /// <summary>A sans-serif P: a stem and a bowl on its upper half.</summary>
    public static bool LetterP(double x, double y, double left, double top, double width, double height, double stroke)
    {
        if (!InBox(x, y, left, top, width, height))
        {
            return false;
        }
        var half = stroke / 2;
        var stemX = left + half;
        if (OnSegment(x, y, stemX, top + half, stemX, top + height - half, half))
        {
            return true;
        }
        var bowlHeight = height * 0.56;
        var ry = (bowlHeight - stroke) / 2;
        var bowlCy = top + half + ry;
        var straightEnd = left + width - half - ry;
        return OnSegment(x, y, stemX, top + half, straightEnd, top + half, half)
            || OnSegment(x, y, stemX, bowlCy + ry, straightEnd, bowlCy + ry, half)
            || OnEllipseArc(x, y, straightEnd, bowlCy, ry, ry, from: 270, to: 450, half);
    }

    static bool InBox(double x, double y, double left, double top, double width, double height) =>
        x >= left && x <= left + width && y >= top && y <= top + height;

    static bool OnSegment(double x, double y, double ax, double ay, double bx, double by, double half)
    {
        var abx = bx - ax;
        var aby = by - ay;
        var lengthSquared = abx * abx + aby * aby;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((x - ax) * abx + (y - ay) * aby) / lengthSquared, 0, 1);
        var dx = x - (ax + t * abx);
        var dy = y - (ay + t * aby);
        return dx * dx + dy * dy <= half * half;
    }

    /// <summary>Within <paramref name="half"/> of the elliptical arc swept clockwise from one angle to the other.</summary>
    static bool OnEllipseArc(double x, double y, double cx, double cy, double rx, double ry, double from, double to, double half)
    {
        const int steps = 96;
        for (var i = 0; i < steps; i++)
        {
            var a0 = (from + (to - from) * i / steps) * Math.PI / 180;
            var a1 = (from + (to - from) * (i + 1) / steps) * Math.PI / 180;
            if (OnSegment(x, y, cx + rx * Math.Cos(a0), cy + ry * Math.Sin(a0), cx + rx * Math.Cos(a1), cy + ry * Math.Sin(a1), half))
            {
                return true;
            }
        }
        return false;
    }
}
