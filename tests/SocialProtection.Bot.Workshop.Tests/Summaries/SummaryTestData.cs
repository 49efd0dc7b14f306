using System.Collections.Immutable;
using System.Globalization;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

/// <summary>Participants, answers and requests for summary tests, over the shipped question set.</summary>
internal static class SummaryTestData
{
    public const string WorkshopId = "ws-2026-social-protection";
    public static readonly DateOnly WorkshopDate = new(2026, 11, 23);
    public static readonly DateTimeOffset AnsweredAt = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    public static readonly AnonymityKey Key = AnonymityKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static QuestionSet Set => QuestionSetLoader.LoadDefault();

    public static ParticipantRecord Record(params (string QuestionId, Answer Answer)[] answers) => new()
    {
        WorkshopId = WorkshopId,
        QuestionSetId = Set.Id,
        QuestionSetVersion = Set.Version,
        Status = ParticipantStatus.Submitted,
        Answers = answers.ToImmutableSortedDictionary(a => a.QuestionId, a => a.Answer, StringComparer.Ordinal),
    };

    public static Answer LongText(string text, int minutes = 0) =>
        new() { Kind = QuestionKind.LongText, Text = text, AnsweredAt = AnsweredAt.AddMinutes(minutes) };

    public static Answer Choice(QuestionKind kind, params string[] values) =>
        new() { Kind = kind, Choices = values, AnsweredAt = AnsweredAt };

    public static Answer Rating(int value) => new() { Kind = QuestionKind.Rating, Rating = value, AnsweredAt = AnsweredAt };

    public static Answer Date(DateOnly date) => new() { Kind = QuestionKind.Date, Date = date, AnsweredAt = AnsweredAt };

    public static Answer Commitments(params Commitment[] commitments) =>
        new() { Kind = QuestionKind.Commitments, Commitments = commitments, AnsweredAt = AnsweredAt };

    public static string Id(int i) => "aad-" + i.ToString("D4", CultureInfo.InvariantCulture);

    public static string Name(int i) => "คุณสมชาย ทดสอบ" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>A full set of answers for participant <paramref name="i"/>, varied by i.</summary>
    public static SummaryParticipant Participant(int i, ThaiAnswerGenerator text, int answerLength = 600)
    {
        var choices = new[] { "government", "civilSociety", "otherStakeholder", "organiser" };
        var groups = new[] { "children", "workingAge", "olderPersons", "personsWithDisabilities", "informalWorkers" };
        var record = Record(
            ("organisationType", Choice(QuestionKind.SingleChoice, choices[i % choices.Length])),
            ("goodPractices", LongText(text.Answer(answerLength), i)),
            ("obstacles", LongText(text.Answer(answerLength), i)),
            ("leveragePoints", LongText(text.Answer(answerLength / 2), i)),
            ("priorityGroups", Choice(QuestionKind.MultiChoice, groups[i % groups.Length], groups[(i + 2) % groups.Length])),
            ("domesticFinancing", LongText(text.Answer(answerLength), i)),
            ("strategyRecommendations", LongText(text.Answer(answerLength), i)),
            ("mechanismRecommendations", LongText(text.Answer(answerLength), i)),
            ("networkReadiness", Rating(1 + i % 5)),
            ("followUpDate", Date(new DateOnly(2027, 1 + i % 3, 15))),
            ("commitments", Commitments(new Commitment("c1", "จัดประชุมเครือข่ายพันธมิตรระดับจังหวัด ครั้งที่ " + i.ToString(CultureInfo.InvariantCulture),
                "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", new DateOnly(2027, 3, 1 + i % 28)))));
        return new SummaryParticipant(Id(i), Name(i), record);
    }

    public static List<SummaryParticipant> Group(int count, int seed = 42, int answerLength = 600)
    {
        var text = new ThaiAnswerGenerator(seed);
        return Enumerable.Range(1, count).Select(i => Participant(i, text, answerLength)).ToList();
    }

    public static GroupSummaryRequest Request(IReadOnlyList<SummaryParticipant> participants, AnswerVisibility visibility = AnswerVisibility.Anonymous) => new()
    {
        WorkshopId = WorkshopId,
        WorkshopTitle = "การประชุมเชิงปฏิบัติการด้านการคุ้มครองทางสังคม",
        WorkshopDate = WorkshopDate,
        GroupId = "g1",
        GroupName = "กลุ่ม 1",
        Visibility = visibility,
        AnonymityKey = Key,
        QuestionSet = Set,
        Participants = participants,
    };
}
