using System.Text.Json;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Tests.Summaries;

namespace SocialProtection.Bot.Workshop.Tests.Questions;

/// <summary>
/// Question kinds are classes now, but what is stored names them as before: a participant record written while kinds
/// were an enum reads the same and is written back byte for byte, and summaries keep the same kind names.
/// </summary>
public sealed class StoredKindNamesTests
{
    // Written by the bot before kinds were classes (one answer of each kind, and a skipped one).
    private const string RecordWrittenBefore =
        """{"schemaVersion":1,"workshopId":"default","questionSetId":"lesson-extraction-default","questionSetVersion":1,"status":"inProgress","revision":7,"answers":{"commitments":{"kind":"commitments","skipped":false,"commitments":[{"id":"c1","action":"จัดประชุมภาคีเครือข่าย","organisation":"สป.พม.","dueDate":"2027-03-31"}],"revision":7,"answeredAt":"2026-11-18T09:30:00+07:00"},"followUpDate":{"kind":"date","skipped":false,"date":"2026-12-31","revision":7,"answeredAt":"2026-11-18T09:30:00+07:00"},"goodPractices":{"kind":"longText","skipped":false,"text":"ทำงานร่วมกับเครือข่ายในพื้นที่","revision":7,"answeredAt":"2026-11-18T09:30:00+07:00"},"networkReadiness":{"kind":"rating","skipped":false,"rating":5,"revision":7,"answeredAt":"2026-11-18T09:30:00+07:00"},"organisationType":{"kind":"singleChoice","skipped":false,"choices":["organiser"],"revision":7,"answeredAt":"2026-11-18T09:30:00+07:00"},"priorityGroups":{"kind":"multiChoice","skipped":false,"choices":["children","olderPersons"],"revision":7,"answeredAt":"2026-11-18T09:30:00+07:00"},"strategyRecommendations":{"kind":"longText","skipped":true,"revision":7,"answeredAt":"2026-11-18T09:30:00+07:00"}},"drafts":{},"dialog":{"frames":[{"dialogId":"lesson","step":11,"values":{}}]},"commitmentsCreated":0,"processedActivityIds":[],"createdAt":"2026-11-18T09:30:00+07:00","updatedAt":"2026-11-18T09:30:00+07:00"}""";

    [Fact]
    public void A_record_stored_before_kinds_were_classes_reads_the_same_and_is_written_back_unchanged()
    {
        var record = JsonSerializer.Deserialize<ParticipantRecord>(RecordWrittenBefore, StoredJson.Options)!;

        var set = QuestionSetLoader.LoadDefault();
        Assert.All(record.Answers, a => Assert.Equal(set.Find(a.Key)!.Kind.Name, a.Value.Kind));
        Assert.Equal(["children", "olderPersons"], record.Answers["priorityGroups"].Choices!);
        Assert.Equal(5, record.Answers["networkReadiness"].Rating);
        Assert.Equal(new DateOnly(2026, 12, 31), record.Answers["followUpDate"].Date);
        Assert.Equal("สป.พม.", Assert.Single(record.Answers["commitments"].Commitments!).Organisation);
        Assert.False(record.Answers["strategyRecommendations"].HasValue);
        Assert.Equal(RecordWrittenBefore, JsonSerializer.Serialize(record, StoredJson.Options));
    }

    [Fact]
    public void A_summary_names_each_question_kind_as_the_question_set_does()
    {
        var stored = SummaryJson.Serialize(new GroupSummaryBuilder().Build(SummaryTestData.Request(SummaryTestData.Group(3, answerLength: 80))));

        var kinds = JsonDocument.Parse(stored).RootElement.GetProperty("questions").EnumerateArray()
            .Select(q => (Id: q.GetProperty("questionId").GetString()!, Kind: q.GetProperty("kind").GetString()!))
            .ToList();
        Assert.Equal(SummaryTestData.Set.Questions.Select(q => (q.Id, q.Kind.Name)), kinds);
        Assert.Contains(("networkReadiness", "rating"), kinds);
        // A stored summary reads back to the same summary.
        Assert.Equal(stored, SummaryJson.Serialize(SummaryJson.Deserialize(stored)!));
    }
}
