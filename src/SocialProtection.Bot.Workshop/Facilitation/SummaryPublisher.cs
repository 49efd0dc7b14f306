using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// The facilitator's <c>summary</c> and <c>vote reset</c>: each chosen group's summary is built from its participants'
/// records (<see cref="GroupSummaryBuilder"/>), stored (<see cref="GroupSummaryStore"/>) with the group's dot-vote
/// ballot, and a posting of its cards is stored and queued; the <see cref="SummaryPostingService"/> posts the cards
/// into the channel at Teams' pace. One posting per workshop at a time, so two postings never interleave.
/// </summary>
internal sealed partial class SummaryPublisher(
    WorkshopParticipants participants,
    QuestionSetCatalog sets,
    GroupSummaryBuilder builder,
    GroupSummaryStore summaries,
    DotVoteStore votes,
    SummaryPostingStore postings,
    SummaryPostingQueue queue,
    WorkshopStore workshops,
    IObjectStore store,
    IOptions<FacilitationOptions> options,
    TimeProvider time,
    ILogger<SummaryPublisher> logger)
{
    /// <summary>How long a posting may go without progress before a new one is allowed (a card goes out every few seconds at worst).</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(10);

    private readonly TextCatalog _text = FacilitationText.Default;

    /// <summary>Summarises the groups <paramref name="groupArgument"/> names (all when null) and queues their cards.</summary>
    public async Task PostSummaryAsync(ITurnContext turn, WorkshopRecord workshop, string? groupArgument, CancellationToken cancellationToken)
    {
        var groups = GroupSelector.Select(workshop, groupArgument);
        if (groups.Count == 0)
        {
            await ReplyUnknownGroupAsync(turn, workshop, cancellationToken);
            return;
        }
        if (await IsBusyAsync(workshop, cancellationToken))
        {
            await ReplyAsync(turn, FacilitationTextKeys.SummaryBusy, cancellationToken);
            return;
        }
        var postingId = PostingId(turn);
        if (await postings.GetAsync(workshop.Id, postingId, cancellationToken) is not null)
        {
            return; // A redelivered command: its posting exists and its reply went out.
        }
        var set = sets.Find(workshop.QuestionSetId)
            ?? throw new StoredDataCorruptException(WorkshopKeys.Workshop(workshop.Id), "it asks a question set this bot does not have");
        var everyone = await participants.ReadAllAsync(workshop.Id, cancellationToken);
        var parts = new List<PostingPart>();
        foreach (var group in groups)
        {
            var members = everyone.Where(p => WorkshopProgress.GroupOf(workshop, p.Record) == group.Id).ToList();
            var summary = builder.Build(new GroupSummaryRequest
            {
                WorkshopId = workshop.Id,
                WorkshopTitle = workshop.Title,
                WorkshopDate = workshop.Date,
                GroupId = group.Id,
                GroupName = group.Name,
                Visibility = workshop.Visibility,
                AnonymityKey = workshop.GetAnonymityKey(),
                QuestionSet = set,
                Participants = [.. members.Select(p => new SummaryParticipant(
                    p.UserKey, workshop.Visibility == AnswerVisibility.Named ? p.Record.DisplayName : null, p.Record))],
            }, cancellationToken);
            await summaries.SaveAsync(summary, cancellationToken);
            parts.Add(new PostingPart(group.Id, PostingPartKind.Summary));
            if (summary.LeverageQuestionId is not null && summary.VoteCandidates.Count > 0)
            {
                await votes.SaveBallotAsync(DotVoteBallot.For(summary, members.Select(p => p.UserKey), options.Value.DotsPerVoter), cancellationToken);
                parts.Add(new PostingPart(group.Id, PostingPartKind.Vote));
            }
        }
        if (await StartAsync(turn, workshop, postingId, parts, cancellationToken))
        {
            LogSummarised(logger, workshop.Id, groups.Count);
            await ReplyAsync(turn, FacilitationTextKeys.SummaryPosting, cancellationToken, groups.Count);
        }
    }

    /// <summary>Clears the dot votes of the chosen groups and queues fresh vote cards.</summary>
    public async Task ResetVotesAsync(ITurnContext turn, WorkshopRecord workshop, string? groupArgument, CancellationToken cancellationToken)
    {
        var groups = GroupSelector.Select(workshop, groupArgument);
        if (groups.Count == 0)
        {
            await ReplyUnknownGroupAsync(turn, workshop, cancellationToken);
            return;
        }
        if (await IsBusyAsync(workshop, cancellationToken))
        {
            await ReplyAsync(turn, FacilitationTextKeys.SummaryBusy, cancellationToken);
            return;
        }
        var postingId = PostingId(turn);
        if (await postings.GetAsync(workshop.Id, postingId, cancellationToken) is not null)
        {
            return;
        }
        var parts = new List<PostingPart>();
        foreach (var group in groups)
        {
            if (await votes.GetBallotAsync(workshop.Id, group.Id, cancellationToken) is null)
            {
                continue;
            }
            var keys = new List<string>();
            await foreach (var info in store.ListAsync(SummaryKeys.VotesPrefix(workshop.Id, group.Id), cancellationToken))
            {
                keys.Add(info.Key);
            }
            foreach (var key in keys)
            {
                await store.DeleteAsync(key, ifMatch: null, cancellationToken);
            }
            parts.Add(new PostingPart(group.Id, PostingPartKind.Vote));
        }
        if (parts.Count == 0)
        {
            await ReplyAsync(turn, FacilitationTextKeys.VotesNone, cancellationToken);
            return;
        }
        if (await StartAsync(turn, workshop, postingId, parts, cancellationToken))
        {
            LogVotesReset(logger, workshop.Id, parts.Count);
            await ReplyAsync(turn, FacilitationTextKeys.VotesReset, cancellationToken, parts.Count);
        }
    }

    private async Task<bool> StartAsync(ITurnContext turn, WorkshopRecord workshop, string postingId, List<PostingPart> parts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var posting = new SummaryPosting
        {
            Id = postingId,
            WorkshopId = workshop.Id,
            Channel = workshop.Channel,
            Parts = [.. parts],
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await postings.CreateAsync(posting, cancellationToken))
        {
            return false;
        }
        await workshops.UpdateAsync(workshop.Id, w => w with { ActivePostingId = postingId, UpdatedAt = now }, cancellationToken);
        queue.Enqueue(new PendingPosting(workshop.Id, postingId));
        return true;
    }

    /// <summary>
    /// A posting is under way unless it ended, or has not moved for <see cref="StalledAfter"/> (its process stopped, or the
    /// store failed it repeatedly): a stuck posting must not block the facilitator for good.
    /// </summary>
    private async Task<bool> IsBusyAsync(WorkshopRecord workshop, CancellationToken cancellationToken) =>
        workshop.ActivePostingId is { } active
        && await postings.GetAsync(workshop.Id, active, cancellationToken) is { Status: PostingStatus.Pending } posting
        && posting.UpdatedAt > time.GetUtcNow() - StalledAfter;

    /// <summary>The same command delivered twice gives the same posting id, so it is posted once.</summary>
    private static string PostingId(ITurnContext turn)
    {
        var activity = turn.Activity;
        var source = (ChannelConversation.Id(activity) ?? "") + "\n" + (activity.Id ?? Guid.NewGuid().ToString("N"));
        return "p" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..24];
    }

    private Task<ResourceResponse> ReplyUnknownGroupAsync(ITurnContext turn, WorkshopRecord workshop, CancellationToken cancellationToken)
    {
        var list = string.Join(", ", workshop.Groups.Select((g, i) => $"{i + 1}. {CardText.Escape(g.Name)}"));
        return ReplyAsync(turn, FacilitationTextKeys.UnknownGroup, cancellationToken, list);
    }

    private Task<ResourceResponse> ReplyAsync(ITurnContext turn, string key, CancellationToken cancellationToken, params object[] args) =>
        turn.SendActivityAsync(MessageFactory.Text(_text.Paragraphs(key, args)), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Summaries of {Groups} groups of workshop {WorkshopId} stored and queued for posting")]
    private static partial void LogSummarised(ILogger logger, string workshopId, int groups);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dot votes of {Groups} groups of workshop {WorkshopId} cleared")]
    private static partial void LogVotesReset(ILogger logger, string workshopId, int groups);
}
