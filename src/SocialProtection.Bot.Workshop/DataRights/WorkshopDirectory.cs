using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Questions;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Summaries;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Finds workshops for the data-rights features: their description, facilitators, closing time and channel. Reads the
/// follow-up plans (<c>reminders/plans/</c>), which carry facilitators, the closing time and the channel, and knows the
/// default workshop personal chats answer into.
/// </summary>
public sealed class WorkshopDirectory(FollowUpStore followUps, IQuestionSetProvider sets, IOptions<ParticipantOptions> options)
{
    public async Task<WorkshopFacts?> DescribeAsync(string workshopId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        var plan = await followUps.GetPlanAsync(workshopId, cancellationToken);
        if (plan is null && workshopId != options.Value.DefaultWorkshopId)
        {
            return null;
        }
        return Describe(workshopId, plan);
    }

    /// <summary>The workshop run from the Teams conversation <paramref name="conversationId"/>, or null.</summary>
    public async Task<WorkshopFacts?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var channel = BaseConversationId(conversationId);
        await foreach (var workshop in ListAsync(cancellationToken))
        {
            if (workshop.ChannelConversationId is { } id && BaseConversationId(id) == channel)
            {
                return workshop;
            }
        }
        return null;
    }

    /// <summary>Every workshop that has a plan.</summary>
    public async IAsyncEnumerable<WorkshopFacts> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var info in followUps.ListPlanKeysAsync(cancellationToken))
        {
            keys.Add(info.Key);
        }
        foreach (var key in keys)
        {
            FollowUpPlan? plan;
            try
            {
                plan = (await followUps.ReadAsync<FollowUpPlan>(key, cancellationToken))?.Value;
            }
            catch (StoredDataCorruptException)
            {
                continue;
            }
            if (plan is not null)
            {
                yield return Describe(plan.WorkshopId, plan);
            }
        }
    }

    private WorkshopFacts Describe(string workshopId, FollowUpPlan? plan)
    {
        var set = sets.ForWorkshop(workshopId);
        return new WorkshopFacts
        {
            Workshop = new ExportedWorkshop
            {
                Id = workshopId,
                Title = set.Title.Th,
                Date = plan?.WorkshopDate,
                Status = plan is null ? null : plan.IsClosed ? "closed" : "open",
                ClosedAt = plan?.ClosedAt,
                // Without a facilitator's choice nobody is named.
                Visibility = AnswerVisibility.Anonymous,
                QuestionSet = set,
            },
            AnonymityKey = AnonymityKey.Create(),
            FacilitatorUserKeys = plan?.FacilitatorUserKeys ?? [],
            ClosedAt = plan?.ClosedAt,
            ChannelConversationId = plan?.FacilitatorConversation?.Conversation?.Id,
        };
    }

    // A channel message's conversation id carries ";messageid=…" for its thread; the channel is the part before it.
    private static string BaseConversationId(string id)
    {
        var cut = id.IndexOf(';', StringComparison.Ordinal);
        return cut < 0 ? id : id[..cut];
    }
}
