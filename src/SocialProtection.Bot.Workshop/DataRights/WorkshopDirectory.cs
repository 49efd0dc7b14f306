using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Finds workshops for the data-rights features. A workshop is what facilitators set up in a channel
/// (<see cref="WorkshopRecord"/>: title, date, groups, named or anonymous, facilitators, open or closed); a workshop
/// known only from a follow-up plan, or the default workshop personal chats answer into, is described from what
/// there is, and shows nobody's name. Who may run a workshop is <see cref="FacilitatorRoles"/>' rule.
/// </summary>
internal sealed class WorkshopDirectory(
    WorkshopStore records,
    FacilitatorRoles roles,
    FollowUpStore followUps,
    IObjectStore store,
    IQuestionSetProvider sets,
    QuestionSetCatalog catalog,
    IOptions<ParticipantOptions> options)
{
    private const string ChannelsPrefix = "channels/";
    private const string ChannelWorkshopsFileName = "/workshops.json";

    private readonly JsonObjectStore _channelLists = new(store, StoredJson.StoreOptions());

    public async Task<WorkshopFacts?> DescribeAsync(string workshopId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        if (await records.GetAsync(workshopId, cancellationToken) is { } record)
        {
            return Describe(record);
        }
        var plan = await followUps.GetPlanAsync(workshopId, cancellationToken);
        return plan is null && workshopId != options.Value.DefaultWorkshopId ? null : Describe(workshopId, plan);
    }

    /// <summary>Whether <paramref name="userKey"/> may run <paramref name="workshop"/> (its facilitators and the configured ones).</summary>
    public bool CanRun(WorkshopFacts workshop, string userKey)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return roles.IsConfigured(userKey) || workshop.IsFacilitator(userKey);
    }

    /// <summary>The workshop run from the Teams channel or group chat <paramref name="conversationId"/> (its newest), or null.</summary>
    public async Task<WorkshopFacts?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var channel = ChannelConversation.Bare(conversationId);
        if (await records.CurrentForAsync(channel, cancellationToken) is { } record)
        {
            return Describe(record);
        }
        await foreach (var workshop in ListPlannedAsync(cancellationToken))
        {
            if (workshop.ChannelConversationId is { } id && ChannelConversation.Bare(id) == channel)
            {
                return workshop;
            }
        }
        return null;
    }

    /// <summary>Every workshop created in a channel, and every workshop with a follow-up plan; each once.</summary>
    public async IAsyncEnumerable<WorkshopFacts> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lists = new List<string>();
        await foreach (var info in store.ListAsync(ChannelsPrefix, cancellationToken))
        {
            if (info.Key.EndsWith(ChannelWorkshopsFileName, StringComparison.Ordinal))
            {
                lists.Add(info.Key);
            }
        }
        foreach (var key in lists)
        {
            var list = await ReadOrSkipAsync<ChannelWorkshops>(key, cancellationToken);
            foreach (var id in list?.WorkshopIds ?? [])
            {
                if (seen.Add(id) && await ReadRecordOrSkipAsync(id, cancellationToken) is { } record)
                {
                    yield return Describe(record);
                }
            }
        }
        await foreach (var workshop in ListPlannedAsync(cancellationToken))
        {
            if (seen.Add(workshop.Workshop.Id))
            {
                yield return workshop;
            }
        }
    }

    private async IAsyncEnumerable<WorkshopFacts> ListPlannedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
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
            if (plan is null)
            {
                continue;
            }
            // A workshop set up in a channel is described by its own record, not by its plan.
            yield return await ReadRecordOrSkipAsync(plan.WorkshopId, cancellationToken) is { } record ? Describe(record) : Describe(plan.WorkshopId, plan);
        }
    }

    private async Task<T?> ReadOrSkipAsync<T>(string key, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return (await _channelLists.ReadAsync<T>(key, cancellationToken))?.Value;
        }
        catch (StoredDataCorruptException)
        {
            return null;
        }
    }

    private async Task<WorkshopRecord?> ReadRecordOrSkipAsync(string workshopId, CancellationToken cancellationToken)
    {
        try
        {
            return await records.GetAsync(workshopId, cancellationToken);
        }
        catch (StoredDataCorruptException)
        {
            return null;
        }
    }

    private WorkshopFacts Describe(WorkshopRecord record) => new()
    {
        Workshop = new ExportedWorkshop
        {
            Id = record.Id,
            Title = record.Title,
            Date = record.Date,
            Status = record.IsOpen ? "open" : "closed",
            ClosedAt = record.ClosedAt,
            Visibility = record.Visibility,
            QuestionSet = catalog.Find(record.QuestionSetId) ?? sets.ForWorkshop(record.Id),
            Groups = record.Groups.ToDictionary(g => g.Id, g => g.Name, StringComparer.Ordinal),
        },
        AnonymityKey = record.GetAnonymityKey(),
        // Only facilitators of the whole workshop erase people and download its files; a group's facilitators do not.
        FacilitatorUserKeys = [.. record.Facilitators],
        // A reopened workshop is open, whatever it was before.
        ClosedAt = record.IsOpen ? null : record.ClosedAt ?? record.UpdatedAt,
        ChannelConversationId = record.Channel.Conversation?.Id,
    };

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
                // Nobody chose to show names: none are shown.
                Visibility = AnswerVisibility.Anonymous,
                QuestionSet = set,
            },
            // No stored pseudonym key: numbers are drawn afresh for each export.
            AnonymityKey = AnonymityKey.Create(),
            FacilitatorUserKeys = plan?.FacilitatorUserKeys ?? [],
            ClosedAt = plan?.ClosedAt,
            ChannelConversationId = plan?.FacilitatorConversation?.Conversation?.Id,
        };
    }
}
