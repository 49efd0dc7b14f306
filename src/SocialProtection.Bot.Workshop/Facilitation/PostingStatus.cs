using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Facilitation;

internal enum PostingStatus
{
    /// <summary>Cards are still to be posted (also after a restart: the posting resumes where it stopped).</summary>
    Pending,

    Done,

    /// <summary>Teams refused the cards (e.g. the bot was removed from the team); the facilitator was told where possible.</summary>
    Failed,
}
