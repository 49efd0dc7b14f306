using System.Net;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Posts one stored <see cref="SummaryPosting"/> into its channel: every card its own message, paced by the shared
/// <see cref="Reminders.TeamsSendPacer"/> (so a long summary stays within 7 per second, 8 per 2 s and 60 per 30 s),
/// recording after each card how far it got. A throttled or failing send is retried with back-off a bounded number of
/// times; a refusal that will not change (the bot was removed, the channel is gone) ends the posting as failed.
/// At-least-once: a card whose send succeeded just before the process stopped is posted again on resume.
/// </summary>
internal sealed partial class SummaryPostingWorker(
    SummaryPostingStore postings,
    WorkshopStore workshops,
    GroupSummaryStore summaries,
    SummaryCardBuilder summaryCards,
    DotVoteStore votes,
    DotVoteCardBuilder voteCards,
    ChannelPoster poster,
    TimeProvider time,
    ILogger<SummaryPostingWorker> logger)
{
    private const int MaxSendAttempts = 6;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly TextCatalog _text = FacilitationText.Default;

    public async Task ProcessAsync(PendingPosting pending, CancellationToken cancellationToken)
    {
        var posting = await postings.GetAsync(pending.WorkshopId, pending.PostingId, cancellationToken);
        if (posting is null || posting.Status != PostingStatus.Pending)
        {
            await postings.RemovePendingAsync(pending.PostingId, cancellationToken);
            return;
        }
        for (var part = posting.NextPart; part < posting.Parts.Length; part++)
        {
            var cards = await CardsAsync(posting, posting.Parts[part], cancellationToken);
            for (var card = part == posting.NextPart ? posting.NextCard : 0; card < cards.Count; card++)
            {
                if (!await SendAsync(posting, cards[card], cancellationToken))
                {
                    await FinishAsync(posting with { Status = PostingStatus.Failed }, cancellationToken);
                    await TellFailureAsync(posting, cancellationToken);
                    return;
                }
                posting = await postings.SaveAsync(
                    posting with { NextPart = part, NextCard = card + 1, CardsPosted = posting.CardsPosted + 1, UpdatedAt = time.GetUtcNow() },
                    cancellationToken);
            }
            posting = posting with { NextPart = part + 1, NextCard = 0 };
        }
        await FinishAsync(posting with { Status = PostingStatus.Done }, cancellationToken);
        LogPosted(logger, posting.WorkshopId, posting.CardsPosted);
    }

    /// <summary>Gives a posting up as failed: the workshop may post again, and it is not resumed.</summary>
    public async Task AbandonAsync(PendingPosting pending, CancellationToken cancellationToken)
    {
        if (await postings.GetAsync(pending.WorkshopId, pending.PostingId, cancellationToken) is { Status: PostingStatus.Pending } posting)
        {
            await FinishAsync(posting with { Status = PostingStatus.Failed }, cancellationToken);
            return;
        }
        await postings.RemovePendingAsync(pending.PostingId, cancellationToken);
    }

    private async Task<IReadOnlyList<AdaptiveCard>> CardsAsync(SummaryPosting posting, PostingPart part, CancellationToken cancellationToken)
    {
        switch (part.Kind)
        {
            case PostingPartKind.Summary:
                return await summaries.GetAsync(posting.WorkshopId, part.GroupId, cancellationToken) is { } summary
                    ? summaryCards.Build(summary)
                    : [];
            case PostingPartKind.Vote:
                if (await votes.GetBallotAsync(posting.WorkshopId, part.GroupId, cancellationToken) is not { } ballot)
                {
                    return [];
                }
                return voteCards.BuildAll(ballot, await votes.TallyAsync(ballot, cancellationToken));
            default:
                throw new InvalidOperationException($"Unknown posting part {part.Kind}.");
        }
    }

    /// <summary>True once the card is posted; false when Teams refuses it for good or keeps failing.</summary>
    private async Task<bool> SendAsync(SummaryPosting posting, AdaptiveCard card, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await poster.PostAsync(posting.Channel, MessageFactory.Card(card.ToAttachment()), cancellationToken);
                return true;
            }
            catch (ConnectorException e) when (IsRetryable(e) && attempt < MaxSendAttempts)
            {
                // A 429 has already paused the pacer for every sender; other failures back off here.
                LogRetrying(logger, posting.WorkshopId, (int?)e.StatusCode ?? 0, attempt);
                if (e.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    await Task.Delay(FirstRetryDelay * Math.Pow(2, attempt - 1), time, cancellationToken);
                }
            }
            catch (ConnectorException e)
            {
                LogFailed(logger, posting.WorkshopId, (int?)e.StatusCode ?? 0, e.ErrorCode ?? "");
                return false;
            }
        }
    }

    private static bool IsRetryable(ConnectorException e) => e.StatusCode is null
        or HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or >= HttpStatusCode.InternalServerError;

    private async Task FinishAsync(SummaryPosting posting, CancellationToken cancellationToken)
    {
        await postings.SaveAsync(posting with { UpdatedAt = time.GetUtcNow() }, cancellationToken);
        await workshops.UpdateAsync(posting.WorkshopId, w => w.ActivePostingId == posting.Id ? w with { ActivePostingId = null } : null, cancellationToken);
        await postings.RemovePendingAsync(posting.Id, cancellationToken);
    }

    // Best effort: when cards cannot be posted, a short message usually cannot either, but a 413 or a transient outage may allow it.
    private async Task TellFailureAsync(SummaryPosting posting, CancellationToken cancellationToken)
    {
        try
        {
            await poster.PostAsync(posting.Channel, MessageFactory.Text(_text.Paragraphs(FacilitationTextKeys.SummaryFailed, posting.CardsPosted)), cancellationToken);
        }
        catch (ConnectorException)
        {
            // Logged above; the posting is marked failed in the store.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted {Cards} summary cards of workshop {WorkshopId}")]
    private static partial void LogPosted(ILogger logger, string workshopId, int cards);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A summary card of workshop {WorkshopId} was not accepted (status {Status}), attempt {Attempt}; retrying")]
    private static partial void LogRetrying(ILogger logger, string workshopId, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Summary posting of workshop {WorkshopId} failed (status {Status}, {Code})")]
    private static partial void LogFailed(ILogger logger, string workshopId, int status, string code);
}
