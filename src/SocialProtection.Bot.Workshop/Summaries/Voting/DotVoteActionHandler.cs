using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Summaries.Voting;

/// <summary>
/// Handles <see cref="SummaryCardVerbs.Vote"/>: a press on a candidate toggles the presser's dot and answers with the
/// refreshed card; a press without a candidate (the "show latest count" button, or Teams' automatic refresh) only
/// answers with the current count. An Action.Execute answer is shown to the presser alone, so it carries their own
/// dots; the message is then also updated for everyone, without anyone's personal view. The vote is stored before
/// anything is sent.
/// </summary>
internal sealed partial class DotVoteActionHandler(
    DotVoteStore store,
    DotVoteCardBuilder cards,
    BallotAccess access,
    ILogger<DotVoteActionHandler> logger,
    TextCatalog? text = null)
{
    private readonly TextCatalog _text = text ?? SummaryText.Default;

    public async Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction<DotVoteRequest> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var request = action.Data;
        // The Entra object id is the key for everything a person owns; the channel id is the fallback outside Entra.
        var from = turn.Activity.From;
        var voterId = from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id;
        if (string.IsNullOrEmpty(voterId))
        {
            return CardActionResult.Refuse(_text.Both(SummaryTextKeys.VoteInvalid), 400, "BadRequest");
        }

        try
        {
            var ballot = await store.GetBallotAsync(request.WorkshopId, request.GroupId, cancellationToken);
            if (ballot is null)
            {
                return CardActionResult.Refuse(_text.Both(SummaryTextKeys.VoteNoBallot), 404, "NotFound");
            }
            if (!await access.MayUseAsync(turn.Activity, voterId, ballot, cancellationToken))
            {
                LogOutsiderRefused(logger);
                return CardActionResult.Refuse(_text.Both(SummaryTextKeys.VoteNotInWorkshop), 403, "Forbidden");
            }
            var personal = action.Source == CardActionSource.Execute;

            if (request.CandidateId is null || action.IsRefresh)
            {
                var tally = await store.TallyAsync(ballot, cancellationToken);
                var view = personal && ballot.IsEligible(voterId)
                    ? new DotVoteCardView(await store.GetVoterAsync(ballot, voterId, cancellationToken), null)
                    : null;
                return CardActionResult.Replace(cards.Build(ballot, tally, request.PageShown, view).ToAttachment());
            }

            var result = await store.ToggleAsync(request.WorkshopId, request.GroupId, voterId, request.CandidateId, turn.Activity.Id, cancellationToken);
            LogVote(logger, result.Outcome, result.Tally.VoterCount, result.Tally.DotsCast);
            var page = cards.PageOf(ballot, request.CandidateId);
            var shared = cards.Build(ballot, result.Tally, page);
            if (!personal)
            {
                // A Submit answer replaces the message for everyone: a refusal to vote goes to the chat instead.
                return result.Outcome == DotVoteOutcome.NoDotsLeft
                    ? CardActionResult.Toast(_text.Both(SummaryTextKeys.VoteNoDotsLeft, ballot.DotsPerVoter))
                    : CardActionResult.Replace(shared.ToAttachment());
            }

            if (result.Outcome is DotVoteOutcome.Added or DotVoteOutcome.Removed)
            {
                await UpdateForEveryoneAsync(turn, action, shared, cancellationToken);
            }
            return CardActionResult.Replace(cards.Build(ballot, result.Tally, page, new DotVoteCardView(result.Voter, result.Outcome)).ToAttachment());
        }
        catch (DotVoteException e)
        {
            LogRefused(logger, e.Refusal);
            return e.Refusal switch
            {
                DotVoteRefusal.NotEligible => CardActionResult.Refuse(_text.Both(SummaryTextKeys.VoteNotEligible), 403, "Forbidden"),
                DotVoteRefusal.UnknownCandidate => CardActionResult.Refuse(_text.Both(SummaryTextKeys.VoteUnknownCandidate), 409, "Conflict"),
                _ => CardActionResult.Refuse(_text.Both(SummaryTextKeys.VoteNoBallot), 404, "NotFound"),
            };
        }
        catch (Exception e) when (e is ConcurrencyConflictException or StorageUnavailableException or StoredDataCorruptException)
        {
            LogStoreFailed(logger, e.GetType().Name);
            return CardActionResult.Refuse(_text.Both(SummaryTextKeys.VoteUnavailable), 503, "ServiceUnavailable");
        }
    }

    // Best effort: the vote is stored, and the card's refresh shows the count to anyone whose update this misses.
    private async Task UpdateForEveryoneAsync(ITurnContext turn, CardAction<DotVoteRequest> action, Protocol.Cards.AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (action.ReplyToId is not { Length: > 0 } messageId)
        {
            return;
        }
        try
        {
            await turn.UpdateActivityAsync(MessageFactory.Card(card.ToAttachment()) with { Id = messageId }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSharedUpdateFailed(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dot vote {Outcome}; the ballot now has {Voters} voters and {Dots} dots")]
    private static partial void LogVote(ILogger logger, DotVoteOutcome outcome, int voters, int dots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dot vote refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, DotVoteRefusal refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dot vote refused to someone outside the workshop, away from its channel")]
    private static partial void LogOutsiderRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dot vote not saved: the store failed ({Error})")]
    private static partial void LogStoreFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The vote was stored but the shared card could not be updated ({Error})")]
    private static partial void LogSharedUpdateFailed(ILogger logger, string error);
}
