using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>One option (or rating value) of a distribution and how many people chose it.</summary>
internal sealed record DistributionRow(LocalizedText Label, int Count);
