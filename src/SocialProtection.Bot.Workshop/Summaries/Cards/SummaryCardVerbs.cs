using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Summaries.Cards;

/// <summary>The verb and data fields of the dot-vote card's buttons (Action.Execute, and their Action.Submit fallbacks).</summary>
internal static class SummaryCardVerbs
{
    /// <summary>Put a dot on a candidate or take it back; without a candidate, just show the current count.</summary>
    public const string Vote = "summary.vote";

    public const string VerbField = "verb";
    public const string WorkshopIdField = "workshopId";

    /// <summary>Absent when the vote covers every group.</summary>
    public const string GroupIdField = "groupId";

    public const string CandidateIdField = "candidateId";

    /// <summary>Which page of the vote (1-based) the card shows.</summary>
    public const string PageField = "page";
}
