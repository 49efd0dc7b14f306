using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Workshops;

internal enum WorkshopStatus
{
    /// <summary>Participants can join and answer.</summary>
    Open,

    /// <summary>Nobody new joins and answers no longer change; summaries and the report still work.</summary>
    Closed,
}
