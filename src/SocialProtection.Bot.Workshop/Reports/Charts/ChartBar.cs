namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>One bar of a chart: its label (user or catalog text, drawn as text only) and its value.</summary>
public sealed record ChartBar(string Label, int Value);
