using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>Participant records as the dialog would have stored them, for counting and summarising.</summary>
internal static class SeedRecords
{
    private static readonly QuestionSet Set = QuestionSetLoader.LoadDefault();
    private static readonly DateTimeOffset At = new(2026, 11, 18, 3, 30, 0, TimeSpan.Zero);

    public static ParticipantRecord Joined(string workshopId, string userKey, string groupId) => new()
    {
        WorkshopId = workshopId,
        UserKey = userKey,
        GroupId = groupId,
        QuestionSetId = Set.Id,
        QuestionSetVersion = Set.Version,
        CreatedAt = At,
        UpdatedAt = At,
    };

    public static ParticipantRecord Started(string workshopId, string userKey, string groupId) =>
        Joined(workshopId, userKey, groupId) with
        {
            Status = ParticipantStatus.InProgress,
            Answers = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, Answer>
            {
                ["organisationType"] = new() { Kind = QuestionKind.SingleChoice, Choices = ["government"], AnsweredAt = At },
            }),
        };

    /// <summary>A submitted record whose long answers are <paramref name="goodPractices"/> and <paramref name="leverage"/>.</summary>
    public static ParticipantRecord Submitted(string workshopId, string userKey, string groupId, string goodPractices, string leverage) =>
        Joined(workshopId, userKey, groupId) with
        {
            Status = ParticipantStatus.Submitted,
            SubmittedAt = At,
            Answers = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, Answer>
            {
                ["organisationType"] = new() { Kind = QuestionKind.SingleChoice, Choices = ["civilSociety"], AnsweredAt = At },
                ["goodPractices"] = new() { Kind = QuestionKind.LongText, Text = goodPractices, AnsweredAt = At },
                ["leveragePoints"] = new() { Kind = QuestionKind.LongText, Text = leverage, AnsweredAt = At },
                ["networkReadiness"] = new() { Kind = QuestionKind.Rating, Rating = 4, AnsweredAt = At },
            }),
        };
}
