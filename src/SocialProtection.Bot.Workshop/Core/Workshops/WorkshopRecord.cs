using System.Collections.Immutable;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>
/// A workshop as its facilitators set it up in a team channel (or group chat), stored once at
/// <c>workshops/{workshopId}/workshop.json</c> and changed only with conditional writes.
/// </summary>
internal sealed record WorkshopRecord
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>How many recent activity ids are kept to recognise a redelivered facilitator command.</summary>
    public const int ProcessedActivityIdsKept = 50;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Short and generated (<see cref="WorkshopIds"/>); never chosen by a user.</summary>
    public required string Id { get; init; }

    /// <summary>As the facilitator typed it: user text.</summary>
    public required string Title { get; init; }

    /// <summary>The day of the workshop in Thailand.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The question set participants answer (the default set unless the facilitator chose another).</summary>
    public required string QuestionSetId { get; init; }

    public required ImmutableArray<BreakoutGroup> Groups { get; init; }

    /// <summary>"th" or "en": the language participants are addressed in until they choose their own; null means Thai.</summary>
    public string? Language { get; init; }

    public required AnswerVisibility Visibility { get; init; }

    /// <summary>The user keys (Entra object ids) of the workshop's facilitators; the creator first.</summary>
    public required ImmutableArray<string> Facilitators { get; init; }

    /// <summary>Where the bot posts back: the channel (or group chat) itself, without a thread or activity id.</summary>
    public required ConversationReference Channel { get; init; }

    public string? TeamId { get; init; }

    public string? TenantId { get; init; }

    /// <summary>The creator's user key.</summary>
    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public WorkshopStatus Status { get; init; } = WorkshopStatus.Open;

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The workshop's secret for pseudonyms in summaries (<see cref="Summaries.AnonymityKey"/>), base64.</summary>
    public required string AnonymityKeyBase64 { get; init; }

    /// <summary>The kickoff card's message, so it can be updated (e.g. when the workshop closes).</summary>
    public string? KickoffActivityId { get; init; }

    /// <summary>The newest progress card's message: posting progress again updates it in place.</summary>
    public string? ProgressActivityId { get; init; }

    /// <summary>The summary posting still under way; a new one waits until it is done.</summary>
    public string? ActivePostingId { get; init; }

    /// <summary>The newest command activity ids applied to this workshop, newest last.</summary>
    public ImmutableList<string> ProcessedActivityIds { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsOpen => Status == WorkshopStatus.Open;

    public BreakoutGroup? FindGroup(string groupId) => Groups.FirstOrDefault(g => g.Id == groupId);

    /// <summary>A facilitator of the workshop or of one of its groups.</summary>
    public bool IsFacilitator(string userKey) =>
        Facilitators.Contains(userKey, StringComparer.OrdinalIgnoreCase)
        || Groups.Any(g => g.FacilitatorUserKeys.Contains(userKey, StringComparer.OrdinalIgnoreCase));

    public AnonymityKey GetAnonymityKey() => AnonymityKey.FromBase64(AnonymityKeyBase64);

    public bool HasProcessed(string? activityId) => activityId is { Length: > 0 } && ProcessedActivityIds.Contains(activityId);

    public WorkshopRecord WithProcessed(string? activityId)
    {
        if (activityId is not { Length: > 0 } || ProcessedActivityIds.Contains(activityId))
        {
            return this;
        }
        var ids = ProcessedActivityIds.Add(activityId);
        return this with { ProcessedActivityIds = ids.Count > ProcessedActivityIdsKept ? ids.RemoveRange(0, ids.Count - ProcessedActivityIdsKept) : ids };
    }
}
