using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// A commitment as the follow-up tracks it. <see cref="Id"/>, <see cref="Action"/>, <see cref="Organisation"/> and
/// <see cref="DueDate"/> are copied from the participant's answers (the dialog owns them); the rest is follow-up state.
/// </summary>
internal sealed record FollowUpCommitment
{
    public const int MaxNotesKept = 30;

    public required string Id { get; init; }

    public required string Action { get; init; }

    public required string Organisation { get; init; }

    /// <summary>The person who carries it out, when the partner named someone.</summary>
    public string? OwnerName { get; init; }

    public required DateOnly DueDate { get; init; }

    public CommitmentStatus Status { get; init; } = CommitmentStatus.NotStarted;

    /// <summary>Status changes and notes, oldest first, the newest <see cref="MaxNotesKept"/>.</summary>
    public ImmutableList<ProgressNote> Notes { get; init; } = [];

    public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>While set and in the future, plan reminders wait; the snooze reminder goes out at this time.</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>Counts the partner's snoozes so each snooze reminder has its own id.</summary>
    public int Snoozes { get; init; }

    public ReminderDelivery? LastReminder { get; init; }

    public FollowUpCommitment WithStatus(CommitmentStatus status, string? note, DateTimeOffset now)
    {
        var notes = Notes.Add(new ProgressNote(now, status, note));
        return this with
        {
            Status = status,
            StatusChangedAt = now,
            Notes = notes.Count > MaxNotesKept ? notes.RemoveRange(0, notes.Count - MaxNotesKept) : notes,
        };
    }
}
