using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Benchmarks;

/// <summary>
/// A seeded workshop group answering the shipped question set: every participant answers all eleven questions, the
/// long-text ones with Thai built from the vocabulary of the workshop's own report, about 300 characters each.
/// </summary>
internal static class WorkshopAnswers
{
    private static readonly string[] Clauses =
    [
        "สังคมไทยมีความก้าวหน้าด้านความคุ้มครองทางสังคมมากขึ้น",
        "ยังมีความจำเป็นต้องอาศัยการปฏิบัติการเชิงเครือข่ายมากขึ้น",
        "เครือข่ายพันธมิตรยังต้องการพัฒนาคุณภาพความเป็นเครือข่าย",
        "ควรพัฒนาคุณภาพการมีส่วนร่วมระหว่างกันและคุณภาพการจัดการ",
        "ต้องอาศัยความไว้เนื้อเชื่อใจระหว่างกัน",
        "ต้องพัฒนาความสัมพันธ์ทางสังคมมากกว่าความสัมพันธ์เชิงอำนาจ",
        "ต้องลดวัฒนธรรมการทำงานแบบแยกเอกเทศจากกัน",
        "การดำเนินงานยังเป็นไปในลักษณะรายเหตุการณ์",
        "ควรกำหนดให้การคุ้มครองทางสังคมเป็นนโยบายที่สำคัญของประเทศ",
        "ควรจัดทำยุทธศาสตร์การคุ้มครองทางสังคมของประเทศไทย",
        "ควรจัดทำตัวชี้วัดสำหรับการประเมินความก้าวหน้า",
        "ควรนำข้อแนะว่าด้วยฐานความคุ้มครองทางสังคมมาสู่การปฏิบัติ",
        "ควรจัดตั้งคณะกรรมการเพื่อการคุ้มครองทางสังคมเป็นกลไกระดับชาติ",
        "ควรผลักดันการจัดสรรทรัพยากรด้านการเงินภายในประเทศเพิ่มขึ้น",
        "จุดคานงัดคือการประสานงานข้ามหน่วยงานอย่างต่อเนื่อง",
        "Social protection floor ตาม ILO Recommendation 202",
    ];

    public const int AnswersPerParticipant = 11;

    public static List<SummaryParticipant> Participants(int answers, int seed = 2026)
    {
        var set = QuestionSetLoader.LoadDefault();
        var random = new Random(seed);
        var at = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
        var count = Math.Max(1, answers / AnswersPerParticipant);
        var participants = new List<SummaryParticipant>(count);
        string[] organisations = ["government", "civilSociety", "otherStakeholder", "organiser"];
        string[] groups = ["children", "workingAge", "olderPersons", "personsWithDisabilities", "informalWorkers", "migrantWorkers", "poorHouseholds"];
        for (var i = 0; i < count; i++)
        {
            Answer Text() => new() { Kind = QuestionKind.LongText, Text = Sentence(random, 300), AnsweredAt = at };
            var record = new ParticipantRecord
            {
                WorkshopId = "bench",
                QuestionSetId = set.Id,
                QuestionSetVersion = set.Version,
                Status = ParticipantStatus.Submitted,
                Answers = new Dictionary<string, Answer>
                {
                    ["organisationType"] = new() { Kind = QuestionKind.SingleChoice, Choices = [organisations[random.Next(organisations.Length)]], AnsweredAt = at },
                    ["goodPractices"] = Text(),
                    ["obstacles"] = Text(),
                    ["leveragePoints"] = Text(),
                    ["priorityGroups"] = new() { Kind = QuestionKind.MultiChoice, Choices = [groups[random.Next(groups.Length)], groups[random.Next(groups.Length)]], AnsweredAt = at },
                    ["domesticFinancing"] = Text(),
                    ["strategyRecommendations"] = Text(),
                    ["mechanismRecommendations"] = Text(),
                    ["networkReadiness"] = new() { Kind = QuestionKind.Rating, Rating = 1 + random.Next(5), AnsweredAt = at },
                    ["followUpDate"] = new() { Kind = QuestionKind.Date, Date = new DateOnly(2027, 1, 1).AddDays(random.Next(90)), AnsweredAt = at },
                    ["commitments"] = new()
                    {
                        Kind = QuestionKind.Commitments,
                        Commitments = [new Commitment("c1", Sentence(random, 120), "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", new DateOnly(2027, 3, 1).AddDays(random.Next(60)))],
                        AnsweredAt = at,
                    },
                }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            };
            participants.Add(new SummaryParticipant("aad-" + i.ToString(CultureInfo.InvariantCulture), null, record));
        }
        return participants;
    }

    /// <summary>The long-text answers, question by question, each with its author's key, in participant order.</summary>
    public static List<(Question Question, List<(string Key, string Text)> Answers)> LongTexts(IReadOnlyList<SummaryParticipant> participants) =>
        QuestionSetLoader.LoadDefault().Questions
            .Where(q => q.Kind == QuestionKind.LongText)
            .Select(q => (q, participants
                .Where(p => p.Record.Answers.ContainsKey(q.Id))
                .Select(p => (p.ParticipantId, p.Record.Answers[q.Id].Text!))
                .ToList()))
            .ToList();

    public static GroupSummaryRequest Request(IReadOnlyList<SummaryParticipant> participants) => new()
    {
        WorkshopId = "bench",
        WorkshopTitle = "การประชุมเชิงปฏิบัติการด้านการคุ้มครองทางสังคม",
        WorkshopDate = new DateOnly(2026, 11, 23),
        GroupId = "g1",
        GroupName = "กลุ่ม 1",
        Visibility = AnswerVisibility.Anonymous,
        AnonymityKey = AnonymityKey.FromBytes(new byte[32]),
        QuestionSet = QuestionSetLoader.LoadDefault(),
        Participants = participants,
    };

    private static string Sentence(Random random, int length)
    {
        var builder = new StringBuilder(length + 64);
        while (builder.Length < length)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(Clauses[random.Next(Clauses.Length)]);
        }
        return builder.ToString();
    }
}
