namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>A drawn chart: PNG bytes and their size in pixels.</summary>
internal sealed record ChartImage(byte[] Png, int Width, int Height);
