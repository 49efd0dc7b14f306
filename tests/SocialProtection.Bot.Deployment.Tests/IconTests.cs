using System.Globalization;
using StbImageSharp;

namespace SocialProtection.Bot.Deployment.Tests;

[Collection(ScriptCollection.Name)]
public sealed class IconTests(BuiltAppPackage package)
{
    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    ImageResult Decode(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(package.UnpackedDirectory, file));
        Assert.Equal(PngSignature, bytes.Take(8));
        return ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlueAlpha);
    }

    static (byte R, byte G, byte B, byte A) Pixel(ImageResult image, int x, int y)
    {
        var i = (y * image.Width + x) * 4;
        return (image.Data[i], image.Data[i + 1], image.Data[i + 2], image.Data[i + 3]);
    }

    static IEnumerable<(byte R, byte G, byte B, byte A)> Pixels(ImageResult image) =>
        Enumerable.Range(0, image.Width * image.Height).Select(i => Pixel(image, i % image.Width, i / image.Width));

    [Fact]
    public void Color_icon_is_192_pixels_square_opaque_with_a_white_mark_on_the_accent_colour()
    {
        var icon = Decode(package.Manifest["icons"]!["color"]!.GetValue<string>());

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(Pixels(icon), p => Assert.Equal(255, p.A));
        var accent = package.Manifest["accentColor"]!.GetValue<string>();
        var background = (
            byte.Parse(accent.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(accent.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(accent.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        var corner = Pixel(icon, 0, 0);
        Assert.Equal(background, (corner.R, corner.G, corner.B));
        // A real mark, not a flat square: a good share of the icon is the white symbol and initials.
        var white = Pixels(icon).Count(p => p is { R: 255, G: 255, B: 255 });
        Assert.InRange(white, 192 * 192 / 10, 192 * 192 / 2);
    }

    [Fact]
    public void Outline_icon_is_32_pixels_white_on_a_fully_transparent_background()
    {
        var icon = Decode(package.Manifest["icons"]!["outline"]!.GetValue<string>());

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        for (var y = 0; y < icon.Height; y++)
        {
            for (var x = 0; x < icon.Width; x++)
            {
                var p = Pixel(icon, x, y);
                Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel ({x},{y}) is {p}: neither transparent nor white");
            }
        }
        Assert.Equal(0, Pixel(icon, 0, 0).A);
        Assert.Equal(0, Pixel(icon, 31, 31).A);
        var opaque = Pixels(icon).Count(p => p.A == 255);
        Assert.InRange(opaque, 32 * 32 / 8, 32 * 32 * 3 / 4);
    }

    [Fact]
    public void Packaged_icons_are_the_committed_ones()
    {
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(RepositoryLayout.ManifestDirectory, icon)),
                File.ReadAllBytes(Path.Combine(package.UnpackedDirectory, icon)));
        }
    }

    [Fact]
    public async Task Committed_icons_are_what_the_generator_draws()
    {
        var output = Path.Combine(Path.GetTempPath(), "spbot-icons-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            var result = await ChildProcess.RunAsync("dotnet", ["run", "scripts/generate-icons.cs", "--", output]);

            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (var icon in new[] { "color.png", "outline.png" })
            {
                var committed = ImageResult.FromMemory(File.ReadAllBytes(Path.Combine(RepositoryLayout.ManifestDirectory, icon)), ColorComponents.RedGreenBlueAlpha);
                var drawn = ImageResult.FromMemory(File.ReadAllBytes(Path.Combine(output, icon)), ColorComponents.RedGreenBlueAlpha);
                Assert.Equal((committed.Width, committed.Height), (drawn.Width, drawn.Height));
                // Another libm may round sin/cos differently and flip a sample or two on an edge: allow that, nothing more.
                var largest = committed.Data.Zip(drawn.Data, (a, b) => Math.Abs(a - b)).Max();
                Assert.True(largest <= 8, $"manifest/{icon} differs from what scripts/generate-icons.cs draws (by up to {largest}/255): run it and commit the result");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
