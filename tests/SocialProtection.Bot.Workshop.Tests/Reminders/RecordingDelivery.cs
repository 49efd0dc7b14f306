using System.Collections.Concurrent;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// A delivery that records every send with the fake clock's time instead of calling Teams. <see cref="Failure"/>
/// decides, per send, whether to throw instead (after recording when <see cref="RecordFailedSends"/>: the connector got it).
/// </summary>
internal sealed class RecordingDelivery(TimeProvider time) : IReminderDelivery
{
    public ConcurrentQueue<Delivered> Sent { get; } = new();

    public Func<string, int, Exception?>? Failure { get; set; }

    public bool RecordFailedSends { get; set; }

    private readonly ConcurrentDictionary<string, int> _tries = new();

    public Task<OutboundMessage> ComposeAsync(ReminderOccurrence occurrence, FollowUpPlan plan, PartnerFollowUp partner, CancellationToken cancellationToken)
    {
        var conversation = new ConversationReference
        {
            Conversation = new ConversationAccount { Id = "a:" + partner.UserKey, TenantId = "tenant-1" },
            TenantId = "tenant-1",
            ServiceUrl = "http://127.0.0.1:1/",
        };
        var activity = new Activity { Type = ActivityTypes.Message, Id = occurrence.OccurrenceId, Text = occurrence.Kind + "|" + occurrence.CommitmentId };
        return Task.FromResult(new OutboundMessage(conversation, activity));
    }

    public Task<string?> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var occurrenceId = message.Activity.Id!;
        var attempt = _tries.AddOrUpdate(occurrenceId, 1, (_, n) => n + 1);
        var parts = message.Activity.Text!.Split('|');
        var delivered = new Delivered(occurrenceId, message.ConversationId, Enum.Parse<ReminderKind>(parts[0]), parts[1], time.GetUtcNow());
        var failure = Failure?.Invoke(occurrenceId, attempt);
        if (failure is null || RecordFailedSends)
        {
            Sent.Enqueue(delivered);
        }

        return failure is null ? Task.FromResult<string?>("act-" + occurrenceId) : Task.FromException<string?>(failure);
    }

    public int Tries(string occurrenceId) => _tries.GetValueOrDefault(occurrenceId);

    public sealed record Delivered(string OccurrenceId, string ConversationId, ReminderKind Kind, string CommitmentId, DateTimeOffset At);
}
