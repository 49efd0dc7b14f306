using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>The workshop as an export describes it, above its participants.</summary>
internal sealed record ExportedWorkshop
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The day of the workshop (Asia/Bangkok), when known.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>"open" or "closed"; null for a workshop no facilitator has set up.</summary>
    public string? Status { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Anonymous exports carry "ผู้เข้าร่วม N / Participant N" and never a name.</summary>
    public required AnswerVisibility Visibility { get; init; }

    public required QuestionSet QuestionSet { get; init; }

    /// <summary>The breakout groups' names by id (user text).</summary>
    public IReadOnlyDictionary<string, string> Groups { get; init; } = new Dictionary<string, string>();

    public string? GroupName(string? groupId) => groupId is not null && Groups.TryGetValue(groupId, out var name) ? name : groupId;
}
