using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>The summaries' card routes: the dot vote.</summary>
public sealed class SummaryRouteModule(DotVoteActionHandler votes) : IRouteModule
{
    public void Map(ActivityRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnCardAction(SummaryCardVerbs.Vote, votes.HandleAsync);
    }
}
