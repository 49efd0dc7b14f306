using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// Who may see or press a ballot. The workshop id is in every participant's card data, so knowing it proves nothing:
/// as for the progress card, the press must come from the workshop's own channel (or group chat), or from one of its
/// participants or facilitators (e.g. a vote card forwarded to a personal chat).
/// </summary>
internal sealed class BallotAccess(WorkshopStore workshops, FacilitatorRoles roles, IObjectStore store)
{
    public async Task<bool> MayUseAsync(Activity activity, string userKey, DotVoteBallot ballot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(ballot);
        if (ballot.IsEligible(userKey))
        {
            return true;
        }
        var workshop = await workshops.GetRecentAsync(ballot.WorkshopId, cancellationToken);
        if (workshop is null)
        {
            return false;
        }
        if (ChannelConversation.IsChannelOrGroupChat(activity)
            && ChannelConversation.Id(activity) is { } conversationId
            && string.Equals(workshop.Channel.Conversation?.Id, conversationId, StringComparison.Ordinal))
        {
            return true;
        }
        return roles.CanRun(userKey, workshop)
            || await store.GetAsync(WorkshopKeys.Participant(workshop.Id, userKey), cancellationToken) is not null;
    }
}
