using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>
/// A choice or rating question across every group: a count per option in the set's order (per value 1–5 for a rating),
/// how many people answered, and a rating's mean (null for choices or with no answers).
/// </summary>
internal sealed record QuestionDistribution(
    string QuestionId,
    LocalizedText Question,
    bool IsRating,
    IReadOnlyList<DistributionRow> Rows,
    int Respondents,
    decimal? Mean);
