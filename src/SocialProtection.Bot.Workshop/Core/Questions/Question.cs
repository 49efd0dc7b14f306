using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>
/// One question of a set. Fields that only one kind uses hold their defaults on the others
/// (<see cref="QuestionSetLoader"/> refuses them where they make no sense).
/// </summary>
internal sealed record Question
{
    public required string Id { get; init; }
    public required QuestionKind Kind { get; init; }
    public required bool Required { get; init; }
    public required LocalizedText Text { get; init; }
    public LocalizedText? Help { get; init; }
    public LocalizedText? Placeholder { get; init; }

    /// <summary>Long text: the most user-perceived characters an answer may have.</summary>
    public int MaxLength { get; init; } = QuestionLimits.DefaultMaxLength;

    /// <summary>Single and multiple choice: the options, in display order.</summary>
    public IReadOnlyList<QuestionChoice> Choices { get; init; } = [];

    /// <summary>Rating: what 1 and 5 mean.</summary>
    public LocalizedText? LowLabel { get; init; }
    public LocalizedText? HighLabel { get; init; }

    /// <summary>Date: the answer may not be before the day it is given (a review or follow-up date).</summary>
    public bool NotInPast { get; init; }

    /// <summary>Commitments: how many the list must and may hold.</summary>
    public int MinItems { get; init; }
    public int MaxItems { get; init; } = QuestionLimits.DefaultMaxCommitments;
    public int ActionMaxLength { get; init; } = QuestionLimits.DefaultActionMaxLength;
    public int OrganisationMaxLength { get; init; } = QuestionLimits.DefaultOrganisationMaxLength;

    public QuestionChoice? FindChoice(string value) => Choices.FirstOrDefault(c => c.Value == value);
}
