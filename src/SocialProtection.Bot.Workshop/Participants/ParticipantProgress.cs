using System.Globalization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>How far a participant is through a question set.</summary>
internal static class ParticipantProgress
{
    /// <summary>The numbers (1-based, as shown) of required questions that still have no answer.</summary>
    public static IReadOnlyList<string> MissingRequired(ParticipantRecord record, QuestionSet set) =>
        [.. set.Questions
            .Select((question, index) => (question, index))
            .Where(x => x.question.Required && record.Answers.GetValueOrDefault(x.question.Id) is not { HasValue: true })
            .Select(x => (x.index + 1).ToString(CultureInfo.InvariantCulture))];

    /// <summary>How many of the set's questions have an answer (skipped ones included).</summary>
    public static int Answered(ParticipantRecord record, QuestionSet set) =>
        set.Questions.Count(q => record.Answers.ContainsKey(q.Id));
}
