using System.Text;

namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>
/// A chart in the standalone HTML report: a figure with the PNG inline as a data: URI (the page stays one file with no
/// external resources), alternative text that reads out every bar, and a caption. Text is encoded by the caller's encoder.
/// </summary>
internal static class ChartHtml
{
    public static void AppendFigure(StringBuilder html, ChartImage image, IReadOnlyList<ChartBar> bars, string caption, Func<string, string> encode)
    {
        var alt = caption + ": " + string.Join("; ", bars.Select(b => b.Label + " " + b.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        html.Append("<figure class=\"chart\"><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(image.Png))
            .Append("\" width=\"").Append(image.Width / 2).Append("\" height=\"").Append(image.Height / 2)
            .Append("\" alt=\"").Append(encode(alt)).Append("\"><figcaption>").Append(encode(caption)).AppendLine("</figcaption></figure>");
    }
}
