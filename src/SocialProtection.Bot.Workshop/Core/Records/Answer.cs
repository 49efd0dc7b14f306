using System.Text.Json.Serialization;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// A participant's answer to one question, exactly as given. Only the field of its <see cref="Kind"/> is set;
/// a skipped optional question is stored as <see cref="Skipped"/> with no value.
/// </summary>
internal sealed record Answer
{
    /// <summary>The name of the question's kind when it was answered (<see cref="QuestionKind.Name"/>, "longText").</summary>
    public required string Kind { get; init; }
    public bool Skipped { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<string>? Choices { get; init; }
    public int? Rating { get; init; }
    public DateOnly? Date { get; init; }
    public IReadOnlyList<Commitment>? Commitments { get; init; }

    /// <summary>The participant record's revision this answer was written at; an older card cannot overwrite it.</summary>
    public long Revision { get; init; }

    public DateTimeOffset AnsweredAt { get; init; }

    /// <summary>True when the answer holds a value (not skipped, and a commitment list that is not empty).</summary>
    [JsonIgnore]
    public bool HasValue => !Skipped && (Kind != QuestionKind.Commitments.Name || Commitments is { Count: > 0 });
}
