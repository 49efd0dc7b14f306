using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>The questions a workshop asks, in order; loaded and validated by <see cref="QuestionSetLoader"/>.</summary>
internal sealed record QuestionSet
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText? Introduction { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }

    public int Count => Questions.Count;

    /// <summary>The question's position (0-based), or -1 when the set has no such question.</summary>
    public int IndexOf(string questionId)
    {
        for (var i = 0; i < Questions.Count; i++)
        {
            if (Questions[i].Id == questionId)
            {
                return i;
            }
        }
        return -1;
    }

    public Question? Find(string questionId) => IndexOf(questionId) is >= 0 and var i ? Questions[i] : null;
}
