using System.Text;
using System.Text.Json;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.DataRights;

public sealed class WorkshopExporterTests : IDisposable
{
    private const string Alice = "6f1c2f4e-0000-4000-8000-00000000a11c";
    private const string Bob = "6f1c2f4e-0000-4000-8000-000000000b0b";
    private const string AliceName = "สมศรี ใจดี";
    private const string BobName = "Bob O'Neil";
    private const string ThaiPractice = "การทำงานร่วมกับเครือข่ายในพื้นที่ ๓ จังหวัด ได้ผลดี";
    private const string QuotedPractice = "ใช้ \"ฐานข้อมูลร่วม\", ประชุมทุกเดือน\nและติดตามผล";
    private const string Formula = "=HYPERLINK(\"https://evil.example\",\"คลิก\")";
    private const string CommitmentAction = "จัดประชุมภาคีเครือข่ายเพื่อทบทวนฐานข้อมูลร่วม";

    private readonly BotWorld _world = DataRightsSeeds.NewWorld();

    public void Dispose() => _world.Dispose();

    private async Task SeedAsync()
    {
        await _world.PutParticipantAsync(DataRightsSeeds.WorkshopId, Alice, DataRightsSeeds.Record(
            DataRightsSeeds.WorkshopId, ThaiPractice, Formula, new Commitment("c1", CommitmentAction, "กองการต่างประเทศ สป.พม.", new DateOnly(2027, 3, 31))));
        await _world.PutParticipantAsync(DataRightsSeeds.WorkshopId, Bob, DataRightsSeeds.Record(DataRightsSeeds.WorkshopId, QuotedPractice, "-1+1"));
        await _world.PutFollowUpAsync(DataRightsSeeds.WorkshopId, Alice, ("c1", CommitmentStatus.Done, "ประชุมแล้วเมื่อ ๑๕ มี.ค."));
        await _world.PutConversationAsync(Alice, "29:alice", AliceName);
        await _world.PutConversationAsync(Bob, "29:bob", BobName);
        await _world.PostSummaryAsync(DataRightsSeeds.WorkshopId, Alice, Bob);
    }

    private static ExportedWorkshop Workshop(AnswerVisibility visibility) => new()
    {
        Id = DataRightsSeeds.WorkshopId,
        Title = "เวทีถอดบทเรียน ความคุ้มครองทางสังคม",
        Date = new DateOnly(2026, 11, 18),
        Status = "closed",
        Visibility = visibility,
        QuestionSet = DataRightsSeeds.Set,
    };

    private async Task<(ExportFile File, byte[] Bytes)> ExportAsync(AnswerVisibility visibility, ExportFormat format)
    {
        var file = await _world.Get<WorkshopExporter>().ExportAsync(Workshop(visibility), AnonymityKey.Create(), format, CancellationToken.None);
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        return (file, copy.ToArray());
    }

    [Fact]
    public async Task Csv_starts_with_the_utf8_byte_order_mark_and_keeps_thai_text_exactly()
    {
        await SeedAsync();
        var (file, bytes) = await ExportAsync(AnswerVisibility.Named, ExportFormat.Csv);
        await using var owned = file;

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.EndsWith(".csv", file.FileName, StringComparison.Ordinal);
        Assert.Contains("เวทีถอดบทเรียน", file.FileName, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9.-]+$", file.AsciiFileName);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains(ThaiPractice, text, StringComparison.Ordinal);
        Assert.Contains(CommitmentAction, text, StringComparison.Ordinal);
        Assert.Contains("31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026)", text, StringComparison.Ordinal);
        Assert.Contains("เสร็จแล้ว / Done", text, StringComparison.Ordinal);
        Assert.StartsWith("ผู้เข้าร่วม / Participant,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_quotes_commas_quotes_and_line_breaks_and_defuses_formulas()
    {
        await SeedAsync();
        var (file, bytes) = await ExportAsync(AnswerVisibility.Named, ExportFormat.Csv);
        await using var owned = file;
        var rows = CsvRows(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

        var header = rows[0];
        var answer = header.FindIndex(h => h.StartsWith("คำตอบ", StringComparison.Ordinal));
        var question = header.FindIndex(h => h.StartsWith("รหัสคำถาม", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        Assert.Contains(rows, r => r[answer] == QuotedPractice);
        var leverage = rows.Where(r => r[question] == "leveragePoints").Select(r => r[answer]).ToList();
        Assert.Contains("'" + Formula, leverage);
        Assert.Contains("'-1+1", leverage);
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@');
        // One row per answer: Alice 8 (one commitment), Bob 7 (no commitment, so none) + the header.
        Assert.Equal(1 + 8 + 7, rows.Count);
    }

    [Fact]
    public async Task Anonymous_export_shows_numbers_and_no_name_or_id_in_either_format()
    {
        await SeedAsync();
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Json })
        {
            var (file, bytes) = await ExportAsync(AnswerVisibility.Anonymous, format);
            await using var owned = file;
            var text = Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain(AliceName, text, StringComparison.Ordinal);
            Assert.DoesNotContain("O'Neil", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Alice, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Bob, text, StringComparison.Ordinal);
            Assert.DoesNotContain("29:alice", text, StringComparison.Ordinal);
            Assert.Contains("ผู้เข้าร่วม 1 / Participant 1", text, StringComparison.Ordinal);
            Assert.Contains("ผู้เข้าร่วม 2 / Participant 2", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Named_export_shows_each_answer_with_its_authors_name()
    {
        await SeedAsync();
        var (file, bytes) = await ExportAsync(AnswerVisibility.Named, ExportFormat.Json);
        await using var owned = file;
        using var json = JsonDocument.Parse(bytes);
        var people = json.RootElement.GetProperty("participants").EnumerateArray()
            .ToDictionary(p => p.GetProperty("participant").GetString()!, p => p);
        Assert.True(people.Keys.ToHashSet().SetEquals([AliceName, BobName]));
        var alicesPractice = people[AliceName].GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionId").GetString() == "goodPractices");
        Assert.Equal(ThaiPractice, alicesPractice.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Json_export_holds_the_workshop_answers_commitments_with_follow_up_and_summaries()
    {
        await SeedAsync();
        var (file, bytes) = await ExportAsync(AnswerVisibility.Anonymous, ExportFormat.Json);
        await using var owned = file;
        Assert.Equal("application/json; charset=utf-8", file.ContentType);
        // Thai is written as UTF-8, not as \u escapes, so the file reads as it was typed.
        Assert.Contains(ThaiPractice, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        Assert.Equal(ExportJsonWriter.FormatName, root.GetProperty("format").GetString());
        Assert.Equal(DataRightsSeeds.WorkshopId, root.GetProperty("workshop").GetProperty("id").GetString());
        Assert.Equal("anonymous", root.GetProperty("workshop").GetProperty("visibility").GetString());
        Assert.Equal(DataRightsSeeds.Set.Count, root.GetProperty("questions").GetArrayLength());
        var participants = root.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(2, participants.Count);
        var answers = participants.SelectMany(p => p.GetProperty("answers").EnumerateArray()).ToList();
        Assert.Contains(answers, a => a.TryGetProperty("text", out var t) && t.GetString() == QuotedPractice);
        Assert.Contains(answers, a => a.GetProperty("questionId").GetString() == "strategyRecommendations" && a.GetProperty("skipped").GetBoolean());
        var commitment = answers.Where(a => a.TryGetProperty("commitments", out _))
            .SelectMany(a => a.GetProperty("commitments").EnumerateArray())
            .Single();
        Assert.Equal(CommitmentAction, commitment.GetProperty("action").GetString());
        Assert.Equal("2027-03-31", commitment.GetProperty("dueDate").GetString());
        Assert.Equal("done", commitment.GetProperty("followUp").GetProperty("status").GetString());
        Assert.Equal("ประชุมแล้วเมื่อ ๑๕ มี.ค.", commitment.GetProperty("followUp").GetProperty("notes")[0].GetProperty("text").GetString());
        var summary = Assert.Single(root.GetProperty("summaries").EnumerateArray().ToList());
        Assert.Equal(2, summary.GetProperty("respondentCount").GetInt32());
    }

    [Fact]
    public async Task A_workshop_without_participants_exports_a_header_only_csv_and_an_empty_json_list()
    {
        var (csvFile, csv) = await ExportAsync(AnswerVisibility.Anonymous, ExportFormat.Csv);
        await using (csvFile)
        {
            Assert.Single(CsvRows(Encoding.UTF8.GetString(csv, 3, csv.Length - 3)));
        }
        var (jsonFile, json) = await ExportAsync(AnswerVisibility.Anonymous, ExportFormat.Json);
        await using (jsonFile)
        {
            using var document = JsonDocument.Parse(json);
            Assert.Equal(0, document.RootElement.GetProperty("participants").GetArrayLength());
        }
    }

    [Fact]
    public async Task Export_of_many_participants_lists_each_once_in_a_stable_order()
    {
        for (var i = 0; i < 150; i++)
        {
            await _world.PutParticipantAsync(DataRightsSeeds.WorkshopId, $"user-{i:D3}", DataRightsSeeds.Record(DataRightsSeeds.WorkshopId, $"คำตอบที่ {i}", "จุดคานงัด"));
        }
        var key = AnonymityKey.Create();
        var first = await ReadJsonAsync(key);
        var second = await ReadJsonAsync(key);
        Assert.Equal(150, first.Count);
        Assert.Equal(150, first.Distinct().Count());
        Assert.Equal(first, second);

        async Task<List<string>> ReadJsonAsync(AnonymityKey anonymity)
        {
            await using var file = await _world.Get<WorkshopExporter>().ExportAsync(Workshop(AnswerVisibility.Anonymous), anonymity, ExportFormat.Json, CancellationToken.None);
            using var json = await JsonDocument.ParseAsync(file.Content);
            return json.RootElement.GetProperty("participants").EnumerateArray()
                .Select(p => p.GetProperty("participant").GetString() + "|" + p.GetProperty("answers").EnumerateArray()
                    .Single(a => a.GetProperty("questionId").GetString() == "goodPractices").GetProperty("text").GetString())
                .ToList();
        }
    }

    [Fact]
    public async Task The_temporary_file_is_gone_once_the_export_is_disposed()
    {
        await SeedAsync();
        var file = await _world.Get<WorkshopExporter>().ExportAsync(Workshop(AnswerVisibility.Anonymous), AnonymityKey.Create(), ExportFormat.Csv, CancellationToken.None);
        var path = Assert.IsType<FileStream>(file.Content).Name;
        Assert.True(File.Exists(path));
        await file.DisposeAsync();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Exporting_a_workshop_by_id_follows_its_named_setting_and_shows_group_names()
    {
        await _world.PutWorkshopAsync(DataRightsSeeds.WorkshopId, AnswerVisibility.Named, ["fac"]);
        await _world.PutParticipantAsync(DataRightsSeeds.WorkshopId, Alice, DataRightsSeeds.Record(DataRightsSeeds.WorkshopId, ThaiPractice, "x")
            with { UserKey = Alice, GroupId = "g1", DisplayName = AliceName });

        await using var file = await _world.Get<WorkshopExporter>().ExportAsync(DataRightsSeeds.WorkshopId, ExportFormat.Csv, CancellationToken.None);

        Assert.NotNull(file);
        using var reader = new StreamReader(file.Content);
        var rows = CsvRows(await reader.ReadToEndAsync());
        Assert.All(rows.Skip(1), r => Assert.Equal(AliceName, r[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal("กลุ่มนโยบาย", r[1]));
        Assert.StartsWith("เวทีถอดบทเรียน-ความคุ้มครองทางสังคม-export-", file.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_an_anonymous_workshop_by_id_shows_no_name_even_where_one_was_kept()
    {
        await _world.PutWorkshopAsync(DataRightsSeeds.WorkshopId, AnswerVisibility.Anonymous, ["fac"]);
        await _world.PutParticipantAsync(DataRightsSeeds.WorkshopId, Alice, DataRightsSeeds.Record(DataRightsSeeds.WorkshopId, ThaiPractice, "x")
            with { UserKey = Alice, GroupId = "g2", DisplayName = AliceName });
        await _world.PutConversationAsync(Alice, "29:alice", AliceName);

        await using var file = await _world.Get<WorkshopExporter>().ExportAsync(DataRightsSeeds.WorkshopId, ExportFormat.Json, CancellationToken.None);

        using var reader = new StreamReader(file!.Content);
        var text = await reader.ReadToEndAsync();
        Assert.DoesNotContain(AliceName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Alice, text, StringComparison.Ordinal);
        Assert.Contains("กลุ่มกลไก", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task There_is_no_export_of_a_workshop_that_does_not_exist() =>
        Assert.Null(await _world.Get<WorkshopExporter>().ExportAsync("ws-nowhere", ExportFormat.Json, CancellationToken.None));

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    internal static List<List<string>> CsvRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i++;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        Assert.False(quoted, "The CSV ends inside a quoted field.");
        Assert.Equal(0, field.Length + row.Count);
        return rows;
    }
}
