using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// The progress card's "Remind those who have not finished" (<see cref="FacilitationVerbs.RemindUnfinished"/>): each
/// participant who joined and has not submitted gets one gentle bilingual reminder in their 1:1 chat, at most once per
/// <see cref="FacilitationOptions.RemindUnfinishedMinutes"/>. The press is recorded first (by its activity id, with who
/// was reminded when), then the sends are queued: a press Teams redelivers is answered with the same numbers and
/// sends nothing. The facilitator is told how many were reminded, skipped and could not be reached.
/// </summary>
internal sealed partial class ProgressReminders(
    WorkshopParticipants participants,
    ProgressCardPress pressed,
    UserProfileStore profiles,
    ProgressReminderStore log,
    ProgressReminderQueue queue,
    IOptions<FacilitationOptions> options,
    TimeProvider time,
    ILogger<ProgressReminders> logger)
{
    private readonly TextCatalog _text = ProgressReminderText.Default;

    public async Task<CardActionResult> OnRemindAsync(ITurnContext turn, CardAction<WorkshopCardData> action, CancellationToken cancellationToken)
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
            if (!workshop.IsOpen)
            {
                return CardActionResult.Toast(_text.Both(ProgressReminderTextKeys.Closed));
            }

            var unfinished = (await participants.ReadAllAsync(workshop.Id, cancellationToken))
                .Where(p => p.Record.Status != ParticipantStatus.Submitted)
                .ToList();
            if (unfinished.Count == 0)
            {
                return CardActionResult.Toast(_text.Both(ProgressReminderTextKeys.Nobody));
            }
            var chats = new Dictionary<string, ConversationReference>(StringComparer.Ordinal);
            foreach (var participant in unfinished)
            {
                if ((await profiles.GetConversationAsync(participant.UserKey, cancellationToken))?.Reference is { Conversation.Id.Length: > 0 } chat)
                {
                    chats[ProgressReminderLog.PersonId(workshop.Id, participant.UserKey)] = chat;
                }
            }

            var minutes = options.Value.RemindUnfinishedMinutes;
            // Without an id (never from Teams) the press cannot be recognised again: it counts as new.
            var pressId = turn.Activity.Id is { Length: > 0 } id ? id : Guid.NewGuid().ToString("N");
            var (press, remind) = await log.RecordAsync(
                workshop.Id, pressId, chats.Keys, unfinished.Count - chats.Count, time.GetUtcNow(), TimeSpan.FromMinutes(minutes), cancellationToken);
            if (remind.Count > 0)
            {
                await queue.EnqueueAsync(new ProgressReminderBatch(workshop.Id, workshop.Title, [.. remind.Select(person => chats[person])]), pressId, cancellationToken);
            }
            LogPressed(logger, workshop.Id, press.Reminded, press.Skipped, press.Unreachable);
            return CardActionResult.Toast(_text.Both(ProgressReminderTextKeys.Done, press.Reminded, press.Skipped, press.Unreachable, minutes));
        }
        catch (Exception e) when (e is StorageUnavailableException or StoredDataCorruptException or ConcurrencyConflictException)
        {
            LogStoreFailed(logger, e.GetType().Name);
            return Refuse(FacilitationTextKeys.ErrorTryAgain, 503, "ServiceUnavailable");
        }
    }

    private static CardActionResult Refuse(string key, int status, string code) =>
        CardActionResult.Refuse(FacilitationText.Default.Both(key), status, code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Remind-unfinished on workshop {WorkshopId}: {Reminded} reminded, {Skipped} skipped, {Unreachable} unreachable")]
    private static partial void LogPressed(ILogger logger, string workshopId, int reminded, int skipped, int unreachable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a remind-unfinished press to someone who is not a facilitator")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A remind-unfinished press could not use the store ({Reason}); nothing was sent")]
    private static partial void LogStoreFailed(ILogger logger, string reason);
}
