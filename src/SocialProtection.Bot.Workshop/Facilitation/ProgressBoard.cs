using System.Net;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// The live progress card of a workshop. <c>progress</c> posts it once and afterwards updates that same message in
/// place (PUT), so the channel is never flooded; its Refresh button and Teams' manual "Refresh card"
/// (<see cref="FacilitationVerbs.RefreshProgress"/>) answer with the recounted card for facilitators.
/// </summary>
internal sealed partial class ProgressBoard(
    WorkshopStore workshops,
    WorkshopParticipants participants,
    ProgressCardPress pressed,
    QuestionSetCatalog sets,
    ChannelPoster poster,
    TimeProvider time,
    ILogger<ProgressBoard> logger)
{
    private readonly TextCatalog _text = FacilitationText.Default;

    /// <summary>Counts and shows the workshop's progress: an update of the last progress card, or a new one.</summary>
    public async Task PostAsync(ITurnContext turn, WorkshopRecord workshop, CancellationToken cancellationToken)
    {
        var card = MessageFactory.Card(ProgressCard.Build(await CountAsync(workshop, cancellationToken)).ToAttachment());
        if (workshop.ProgressActivityId is { } previous)
        {
            try
            {
                await poster.UpdateAsync(workshop.Channel, previous, card, cancellationToken);
                await turn.SendActivityAsync(MessageFactory.Text(_text.Both(FacilitationTextKeys.ProgressUpdated)), cancellationToken);
                return;
            }
            catch (ConnectorException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
            {
                // The earlier card is gone (deleted, or the thread with it): post a new one.
                LogPreviousGone(logger, workshop.Id, (int)e.StatusCode!.Value);
            }
        }
        var id = await poster.PostAsync(workshop.Channel, card, cancellationToken);
        if (id is not null)
        {
            await workshops.UpdateAsync(workshop.Id, w => w.ProgressActivityId == id ? null : w with { ProgressActivityId = id, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        }
    }

    public async Task<CardActionResult> OnRefreshAsync(ITurnContext turn, CardAction<WorkshopCardData> action, CancellationToken cancellationToken)
    {
        try
        {
            var check = await pressed.ReadAsync(turn, action, cancellationToken);
            if (check.Workshop is not { } workshop)
            {
                if (check.NotFacilitator)
                {
                    LogRefused(logger);
                }
                return check.Refusal!;
            }
            var everyone = await participants.ReadAllAsync(workshop.Id, cancellationToken);
            var counts = WorkshopProgress.Count(workshop, everyone, time.GetUtcNow());
            var card = ProgressCard.Build(counts);
            if (action.Source == CardActionSource.Execute && action.ReplyToId is { Length: > 0 } messageId)
            {
                // An Execute answer shows only to the presser: update the message for everyone else too, without names.
                await UpdateForEveryoneAsync(turn, messageId, card, cancellationToken);
                // The facilitator who pressed sees who is where (named workshops only).
                if (sets.Find(workshop.QuestionSetId) is { } set && ProgressRoster.For(workshop, everyone, set) is { } roster)
                {
                    card = ProgressCard.Build(counts, roster);
                }
            }
            return CardActionResult.Replace(card.ToAttachment());
        }
        catch (Exception e) when (e is StorageUnavailableException or StoredDataCorruptException or ConcurrencyConflictException)
        {
            LogStoreFailed(logger, e.GetType().Name);
            return Refuse(FacilitationTextKeys.ErrorTryAgain, 503, "ServiceUnavailable");
        }
    }

    public async Task<WorkshopProgress> CountAsync(WorkshopRecord workshop, CancellationToken cancellationToken) =>
        WorkshopProgress.Count(workshop, await participants.ReadAllAsync(workshop.Id, cancellationToken), time.GetUtcNow());

    private async Task UpdateForEveryoneAsync(ITurnContext turn, string messageId, Protocol.Cards.AdaptiveCard card, CancellationToken cancellationToken)
    {
        try
        {
            await turn.UpdateActivityAsync(MessageFactory.Card(card.ToAttachment()) with { Id = messageId }, cancellationToken);
        }
        catch (ConnectorException e)
        {
            // Best effort: the presser sees the new counts either way.
            LogSharedUpdateFailed(logger, (int?)e.StatusCode ?? 0);
        }
    }

    private CardActionResult Refuse(string key, int status, string code) => CardActionResult.Refuse(_text.Both(key), status, code);

    [LoggerMessage(Level = LogLevel.Information, Message = "The previous progress card of workshop {WorkshopId} could not be updated (status {Status}); posting a new one")]
    private static partial void LogPreviousGone(ILogger logger, string workshopId, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a progress refresh to someone who is not a facilitator")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The progress card could not be updated for everyone (status {Status})")]
    private static partial void LogSharedUpdateFailed(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A progress refresh could not use the store ({Reason})")]
    private static partial void LogStoreFailed(ILogger logger, string reason);
}
