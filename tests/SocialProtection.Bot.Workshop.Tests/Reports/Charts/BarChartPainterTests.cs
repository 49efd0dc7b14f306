using SocialProtection.Bot.Workshop.Reports.Charts;

namespace SocialProtection.Bot.Workshop.Tests.Reports.Charts;

public sealed class BarChartPainterTests
{
    private static readonly ChartBar[] Bars =
    [
        new("หน่วยงานภาครัฐ", 12),
        new("ภาคประชาสังคม และผู้มีส่วนเกี่ยวข้องอื่น ๆ ที่เขียนยาวมากจนต้องตัดให้พอดีกับความกว้างของแผนภูมิ ไม่ให้ล้นออกนอกภาพ", 3),
        new("ไม่มีใครเลือก", 0),
    ];

    [Fact]
    public void A_chart_is_a_PNG_as_wide_as_promised_with_a_row_per_bar()
    {
        var image = new BarChartPainter().Paint(Bars, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(image);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image.Png[..4]);
        Assert.Equal(BarChartPainter.Width, image.Width);
        Assert.Equal(image.Height, PngHeight(image.Png));
        Assert.True(image.Height > 3 * 80, $"height {image.Height}");
    }

    [Fact]
    public void Without_a_Thai_typeface_the_chart_is_still_drawn_with_numbered_bars()
    {
        var image = new BarChartPainter(typeface: null).Paint(Bars, v => "#" + v);

        Assert.NotNull(image);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image.Png[..4]);
    }

    [Fact]
    public void Nothing_to_draw_gives_no_chart() =>
        Assert.Null(new BarChartPainter().Paint([], v => ""));

    [Fact]
    public void The_Thai_typeface_is_found_where_Debians_Thai_fonts_are_installed()
    {
        if (!File.Exists("/usr/share/fonts/truetype/tlwg/Laksaman.ttf"))
        {
            return; // the painter then numbers its bars (the test above); scripts/test.sh installs fonts-thai-tlwg
        }

        Assert.NotNull(ChartTypeface.Thai);
    }

    private static int PngHeight(byte[] png) => (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
}
