using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// The buttons of a reminder card: Done, In progress + note, Remind me later, Need help, quiet hours, stop and resume.
/// Card data is untrusted: the acting user comes from the activity (never from the card), and only their own
/// follow-up record is read or changed, so a forged card can change no one else's commitments. A redelivered
/// activity changes nothing twice. The pressed card is replaced in place with the new state.
/// </summary>
internal sealed partial class ReminderActionHandler(FollowUpStore store, ReminderScheduleCalculator calculator, ILogger<ReminderActionHandler> logger)
{
    private const int MaxAttempts = 8;
    private const int MaxTimeZoneIdLength = 64;
    private static readonly TextCatalog T = ReminderText.Default;

    public async Task<CardActionResult> OnCardActionAsync(ITurnContext turn, CardAction<ReminderCardData> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var activity = turn.Activity;
        var language = LanguageCodes.ParseOrDefault(activity.Locale, Language.Thai);
        var identity = ParticipantIdentity.From(activity);
        var workshopId = action.Data.WorkshopId;
        var commitmentId = action.Data.CommitmentId;
        if (identity is null)
        {
            return CardActionResult.Refuse(T.Get("error.badInput", language));
        }

        if (!TryReadChange(action, out var change, out var problem))
        {
            return CardActionResult.Refuse(problem(language));
        }

        try
        {
            return await ApplyAsync(turn, identity, workshopId, commitmentId, change, cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogUnavailable(logger, workshopId, e.GetType().Name);
            return CardActionResult.Refuse(T.Get("error.unavailable", language), 503, "ServiceUnavailable");
        }
    }

    private async Task<CardActionResult> ApplyAsync(ITurnContext turn, ParticipantIdentity identity, string workshopId, string commitmentId, Change change, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await store.ReadPartnerAsync(workshopId, identity.Key, cancellationToken);
            var language = LanguageCodes.ParseOrDefault(current?.Value.Language ?? activity.Locale, Language.Thai);
            if (current is null || current.Value.UserKey != identity.Key)
            {
                // The acting user has no follow-up in this workshop: the card was not theirs (or is long stale).
                LogRefused(logger, workshopId, change.Verb);
                return CardActionResult.Refuse(T.Get("error.notOwner", language), 403, "Forbidden");
            }

            var partner = current.Value;
            if (partner.Find(commitmentId) is not { } commitment)
            {
                return CardActionResult.Refuse(T.Get("error.unknownCommitment", language), 404, "NotFound");
            }

            if (change.Verb == ReminderCardVerbs.Refresh)
            {
                return Card(partner, commitment, language, null);
            }

            if (partner.HasProcessed(activity.Id))
            {
                return Card(partner, commitment, language, Confirmation(change, partner, commitment, language));
            }

            var now = calculator.Time.GetUtcNow();
            var next = Apply(partner, commitment, change, now, activity.LocalTimezone);
            var updated = next.Find(commitmentId)!;
            await QueueAsync(next, updated, change, activity.Id, now, cancellationToken);
            next = next.WithProcessed(activity.Id) with { Revision = partner.Revision + 1, UpdatedAt = now };
            try
            {
                await store.WritePartnerAsync(next, current.ETag, cancellationToken);
            }
            catch (PreconditionFailedException)
            {
                continue;
            }

            LogApplied(logger, workshopId, change.Verb);
            return Card(next, updated, language, Confirmation(change, next, updated, language));
        }

        throw new ConcurrencyConflictException(ReminderKeys.Partner(workshopId, identity.Key), MaxAttempts);
    }

    private PartnerFollowUp Apply(PartnerFollowUp partner, FollowUpCommitment commitment, Change change, DateTimeOffset now, string? localTimezone)
    {
        var next = partner;
        if (localTimezone is { Length: > 0 and <= MaxTimeZoneIdLength } zoneId
            && zoneId != partner.TimeZoneId
            && ReminderScheduleCalculator.FindZone(zoneId) is not null)
        {
            // Teams tells us the partner's own zone: their quiet hours are read on their clock.
            next = next with { TimeZoneId = zoneId };
        }

        return change.Verb switch
        {
            ReminderCardVerbs.Done => next.Replace(commitment.WithStatus(CommitmentStatus.Done, null, now)),
            ReminderCardVerbs.Progress => next.Replace(commitment.WithStatus(CommitmentStatus.InProgress, change.Note, now)),
            ReminderCardVerbs.Help => next.Replace(commitment.WithStatus(CommitmentStatus.NeedHelp, change.Note, now)),
            ReminderCardVerbs.Snooze => next.Replace(commitment with
            {
                SnoozedUntil = calculator.SnoozeTarget(change.Snooze),
                Snoozes = commitment.Snoozes + 1,
            }),
            ReminderCardVerbs.QuietHours => next with { QuietHours = change.Quiet },
            ReminderCardVerbs.OptOut => next with { OptedOut = true, OptedOutAt = now },
            ReminderCardVerbs.OptIn => next with { OptedOut = false, OptedOutAt = null },
            _ => next,
        };
    }

    /// <summary>
    /// Queues what the change sends later (the snooze reminder, the help request) before the record that asks for it
    /// is written: an entry whose record write then lost is dropped at send time, never a record without its entry.
    /// </summary>
    private async Task QueueAsync(PartnerFollowUp partner, FollowUpCommitment commitment, Change change, string? activityId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ReminderOccurrence? occurrence = change.Verb switch
        {
            ReminderCardVerbs.Snooze when commitment.SnoozedUntil is { } until => Occurrence(partner, commitment, ReminderKind.Snooze,
                ReminderScheduleCalculator.SnoozeRuleKey(commitment.Snoozes, until), until, calculator.NextAllowed(until, partner) ?? until, null, now),
            ReminderCardVerbs.Help => Occurrence(partner, commitment, ReminderKind.HelpRequest,
                "help:" + (activityId ?? now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)), now, now, change.Note, now),
            _ => null,
        };
        if (occurrence is not null)
        {
            await store.EnqueueAsync(occurrence, cancellationToken);
        }
    }

    private static ReminderOccurrence Occurrence(PartnerFollowUp partner, FollowUpCommitment commitment, ReminderKind kind, string ruleKey, DateTimeOffset nominal, DateTimeOffset dueAt, string? note, DateTimeOffset now) => new()
    {
        OccurrenceId = ReminderKeys.OccurrenceId(partner.WorkshopId, partner.UserKey, commitment.Id, ruleKey),
        WorkshopId = partner.WorkshopId,
        UserKey = partner.UserKey,
        CommitmentId = commitment.Id,
        Kind = kind,
        RuleKey = ruleKey,
        Nominal = nominal,
        DueAt = dueAt,
        Note = note,
        CreatedAt = now,
    };

    private CardActionResult Card(PartnerFollowUp partner, FollowUpCommitment commitment, Language language, string? confirmation) =>
        CardActionResult.Replace(ReminderCard.Build(new ReminderCardModel(partner, commitment, ReminderKind.AfterWorkshop, language, calculator.Today, confirmation)).ToAttachment());

    private string? Confirmation(Change change, PartnerFollowUp partner, FollowUpCommitment commitment, Language language) => change.Verb switch
    {
        ReminderCardVerbs.Done => T.Get("confirm.done", language),
        ReminderCardVerbs.Progress => T.Get("confirm.progress", language),
        ReminderCardVerbs.Help => T.Get("confirm.help", language),
        ReminderCardVerbs.Snooze when commitment.SnoozedUntil is { } until =>
            T.Format("confirm.snoozed", language, ThaiDateFormatter.FormatDateTime(calculator.NextAllowed(until, partner) ?? until, language)),
        ReminderCardVerbs.QuietHours => T.Get(partner.QuietHours is null ? "confirm.quietOff" : "confirm.quiet", language),
        ReminderCardVerbs.OptOut => T.Get("confirm.optOut", language),
        ReminderCardVerbs.OptIn => T.Get("confirm.optIn", language),
        _ => null,
    };

    private static bool TryReadChange(CardAction<ReminderCardData> action, out Change change, out Func<Language, string> problem)
    {
        change = new Change(action.Verb, null, SnoozeChoice.OneDay, null);
        problem = language => T.Get("error.badInput", language);
        switch (action.Verb)
        {
            case ReminderCardVerbs.Progress or ReminderCardVerbs.Help:
                var text = action.Verb == ReminderCardVerbs.Progress ? action.Data.ProgressNote : action.Data.HelpNote;
                if (!ReminderActionInput.TryNote(text, ReminderCardVerbs.MaxNoteLength, out var note))
                {
                    problem = language => T.Format("error.noteTooLong", language, ReminderCardVerbs.MaxNoteLength);
                    return false;
                }

                change = change with { Note = note };
                return true;
            case ReminderCardVerbs.Snooze:
                if (!SnoozeChoices.TryParse(action.Data.Snooze, out var snooze))
                {
                    return false;
                }

                change = change with { Snooze = snooze };
                return true;
            case ReminderCardVerbs.QuietHours:
                var from = action.Data.QuietFrom;
                var to = action.Data.QuietTo;
                if (from == ReminderCardVerbs.QuietNone && to == ReminderCardVerbs.QuietNone)
                {
                    return true;
                }

                if (ReminderActionInput.Hour(from) is not { } start || ReminderActionInput.Hour(to) is not { } end || start == end)
                {
                    problem = language => T.Get("error.quietInvalid", language);
                    return false;
                }

                change = change with { Quiet = new QuietHours(start, end) };
                return true;
            default:
                return true;
        }
    }

    private sealed record Change(string Verb, string? Note, SnoozeChoice Snooze, QuietHours? Quiet);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: reminder card action {Verb} applied")]
    private static partial void LogApplied(ILogger logger, string workshopId, string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: reminder card action {Verb} refused: the acting user has no follow-up there")]
    private static partial void LogRefused(ILogger logger, string workshopId, string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: a reminder card action could not be saved ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string workshopId, string reason);
}
