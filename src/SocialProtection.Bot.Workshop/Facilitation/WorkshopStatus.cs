namespace SocialProtection.Bot.Workshop.Facilitation;

public enum WorkshopStatus
{
    /// <summary>Participants can join and answer.</summary>
    Open,

    /// <summary>Nobody new joins and answers no longer change; summaries and the report still work.</summary>
    Closed,
}
