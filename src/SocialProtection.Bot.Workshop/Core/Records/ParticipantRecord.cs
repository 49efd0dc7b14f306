using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// Everything the bot keeps about one participant in one workshop, stored as one object
/// (<c>workshops/{workshopId}/participants/{userKey}.json</c>) and written with a conditional write each turn.
/// </summary>
internal sealed record ParticipantRecord
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>How many recent activity ids are kept to recognise a redelivered activity.</summary>
    public const int ProcessedActivityIdsKept = 50;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string WorkshopId { get; init; }

    /// <summary>
    /// Whose record this is: the key it is stored under (Entra object id, else Teams id), so a listing of a workshop's
    /// participants can tell who is who without decoding keys. Null in records written before workshops could be joined.
    /// </summary>
    public string? UserKey { get; init; }

    /// <summary>The breakout group chosen (or assigned) when the participant joined from the channel; null until then.</summary>
    public string? GroupId { get; init; }

    /// <summary>The participant's Teams display name, kept only in workshops with named answers (shown in summaries).</summary>
    public string? DisplayName { get; init; }

    /// <summary>The question set the answers belong to.</summary>
    public required string QuestionSetId { get; init; }

    public int QuestionSetVersion { get; init; }

    /// <summary>"th" or "en" once the participant chose (or brought their choice from another workshop); null while the workshop's language decides.</summary>
    public string? Language { get; init; }

    public ParticipantStatus Status { get; init; } = ParticipantStatus.NotStarted;

    /// <summary>Goes up by one with every change the participant makes; cards carry the revision they show.</summary>
    public long Revision { get; init; }

    public ImmutableSortedDictionary<string, Answer> Answers { get; init; } = ImmutableSortedDictionary<string, Answer>.Empty;

    /// <summary>Unfinished input kept by "save and continue later", keyed by question (or sub-dialog field).</summary>
    public ImmutableSortedDictionary<string, string> Drafts { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public DialogStack Dialog { get; init; } = DialogStack.Empty;

    /// <summary>Numbers the participant's commitments ("c1", "c2", …) so their ids never repeat.</summary>
    public int CommitmentsCreated { get; init; }

    /// <summary>The newest activity ids applied to this record, newest last.</summary>
    public ImmutableList<string> ProcessedActivityIds { get; init; } = [];

    /// <summary>
    /// The message holding the participant's open question card, when known; updated in place by turns that do not come
    /// from it. Noted after the turn and saved with the record's next write, so it costs no write of its own.
    /// </summary>
    public OpenCard? OpenCard { get; init; }

    /// <summary>Identifies the personal conversation reference last stored for this user, to write it only when it changes.</summary>
    public string? ConversationFingerprint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }

    public bool HasProcessed(string? activityId) => activityId is { Length: > 0 } && ProcessedActivityIds.Contains(activityId);

    public ParticipantRecord WithProcessed(string? activityId)
    {
        if (activityId is not { Length: > 0 } || ProcessedActivityIds.Contains(activityId))
        {
            return this;
        }
        var ids = ProcessedActivityIds.Add(activityId);
        return this with { ProcessedActivityIds = ids.Count > ProcessedActivityIdsKept ? ids.RemoveRange(0, ids.Count - ProcessedActivityIdsKept) : ids };
    }
}
