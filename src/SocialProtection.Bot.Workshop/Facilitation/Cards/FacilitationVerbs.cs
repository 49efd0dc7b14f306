using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>The verbs of the facilitator side's card buttons (Action.Execute verbs, and the verb field of their Action.Submit fallbacks).</summary>
internal static class FacilitationVerbs
{
    /// <summary>The set-up card's Create button.</summary>
    public const string Create = "workshop.create";

    /// <summary>The kickoff card's Answer button.</summary>
    public const string Join = "workshop.join";

    /// <summary>The progress card's refresh (button, and Teams' manual "Refresh card").</summary>
    public const string RefreshProgress = "workshop.progress.refresh";

    /// <summary>The progress card's "Remind those who have not finished".</summary>
    public const string RemindUnfinished = "workshop.progress.remind";
}
