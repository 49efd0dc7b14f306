namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>One bar of a chart: its label (user or catalog text, drawn as text only) and its value.</summary>
internal sealed record ChartBar(string Label, int Value);
