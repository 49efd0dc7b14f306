using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Tests.DataRights;
using SocialProtection.Bot.Workshop.Tests.Participants;
using SocialProtection.Bot.Workshop.Tests.TestBot;

namespace SocialProtection.Bot.Workshop.Tests.Questions.Kinds;

/// <summary>
/// Adding a question kind is one class plus its texts: <see cref="YesNoKind"/> lives in this test project and is
/// registered here as one more <see cref="QuestionKind"/> service of the test world, with nothing in the bot's source changed. A
/// participant then answers a yes/no question through the router as Teams would send it, and the answer is stored,
/// shown on the review, counted in the group summary and written to the CSV export.
/// </summary>
public sealed class YesNoKindTests : IAsyncDisposable
{
    private const string WorkshopId = "ws-yes-no";
    private const string SetJson = """
        {
          "id": "yes-no-demo",
          "version": 1,
          "title": { "th": "ทดลองคำถามใช่หรือไม่", "en": "Yes/no demo" },
          "questions": [
            { "id": "joinNetwork", "kind": "yesNo", "required": true,
              "text": { "th": "หน่วยงานของคุณจะเข้าร่วมเครือข่ายคุ้มครองทางสังคมหรือไม่", "en": "Will your organisation join the social protection network?" } },
            { "id": "why", "kind": "longText", "required": false, "text": { "th": "เพราะอะไร", "en": "Why?" } }
          ]
        }
        """;

    private readonly string _setPath = Path.Combine(Path.GetTempPath(), "sp-bot-tests", "yes-no-" + Guid.NewGuid().ToString("N") + ".json");
    private readonly BotWorld _bot;

    public YesNoKindTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_setPath)!);
        File.WriteAllText(_setPath, SetJson);
        _bot = new BotWorld(
            new Dictionary<string, string?> { ["Workshop:DefaultWorkshopId"] = WorkshopId, ["Workshop:QuestionSetPath"] = _setPath },
            addServices: services => services.AddSingleton<QuestionKind>(new YesNoKind()));
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        File.Delete(_setPath);
    }

    [Fact]
    public void Without_the_kind_registered_the_set_is_refused_and_with_it_the_kind_reads_its_own_properties()
    {
        var refused = Assert.Throws<QuestionSetValidationException>(() => QuestionSetLoader.Load(SetJson, "demo"));
        Assert.Equal(
            "'yesNo' is not a known kind; use one of longText, singleChoice, multiChoice, rating, date, commitments.",
            Assert.Single(refused.Errors, e => e.Path == "$.questions[0].kind").Message);

        var kinds = new QuestionKinds([.. QuestionKinds.BuiltIn.All, new YesNoKind()]);
        var question = QuestionSetLoader.Load(SetJson, "demo", kinds).Questions[0];
        Assert.IsType<YesNoKind>(question.Kind);
        Assert.Equal(["yes", "no"], question.Choices.Select(c => c.Value));

        // A yes/no question has no properties of its own: choices are the kind's, not the set's.
        var withChoices = SetJson.Replace("\"kind\": \"yesNo\",", "\"kind\": \"yesNo\", \"choices\": [],", StringComparison.Ordinal);
        var extra = Assert.Throws<QuestionSetValidationException>(() => QuestionSetLoader.Load(withChoices, "demo", kinds));
        Assert.Equal("is not a known property here (known: id, kind, required, text, help).",
            Assert.Single(extra.Errors, e => e.Path == "$.questions[0].choices").Message);
    }

    [Fact]
    public async Task A_participant_answers_yes_on_the_card_and_sees_it_answered_and_on_the_review()
    {
        var alice = Person.Alice;

        var card = (await _bot.Say(alice, "เริ่ม")).CurrentCard;
        var text = CardJson.Text(card);
        Assert.Contains("หน่วยงานของคุณจะเข้าร่วมเครือข่าย", text, StringComparison.Ordinal);
        Assert.Equal("Input.ChoiceSet", CardJson.InputType(card));
        Assert.Equal(["ใช่", "ไม่ใช่"], ChoiceTitles(card));
        Assert.Contains("พิมพ์คำตอบลงในแชตแทนก็ได้", text, StringComparison.Ordinal);

        var answered = await _bot.Execute(alice, card, CardVerbs.Answer, "yes");

        var pressed = CardJson.Text(answered.PressedCard!.Value);
        Assert.Contains("ตอบแล้ว", pressed, StringComparison.Ordinal);
        Assert.Contains("ใช่", pressed, StringComparison.Ordinal);
        var stored = _bot.Stored(alice)!.Answers["joinNetwork"];
        Assert.Equal("yesNo", stored.Kind);
        Assert.Equal(["yes"], stored.Choices!);

        var review = await _bot.Execute(alice, answered.CurrentCard, CardVerbs.Skip);
        var reviewText = CardJson.Text(review.CurrentCard);
        Assert.Contains("หน่วยงานของคุณจะเข้าร่วมเครือข่าย", reviewText, StringComparison.Ordinal);
        Assert.Contains("\nใช่\n", reviewText, StringComparison.Ordinal);

        // Editing shows the question again with the stored answer chosen.
        var edit = await _bot.Say(alice, "แก้ไข 1");
        Assert.Equal("yes", CardJson.InputValue(edit.CurrentCard));
    }

    [Fact]
    public async Task A_participant_may_type_no_in_Thai_and_anything_else_is_refused()
    {
        var bob = Person.Bob;
        await _bot.Say(bob, "start");

        var refused = await _bot.Say(bob, "อาจจะ");
        Assert.Contains("โปรดเลือกจากตัวเลือกที่มีให้", CardJson.Text(refused.CurrentCard), StringComparison.Ordinal);
        Assert.False(_bot.Stored(bob)!.Answers.ContainsKey("joinNetwork"));

        await _bot.Say(bob, "ไม่");
        Assert.Equal(["no"], _bot.Stored(bob)!.Answers["joinNetwork"].Choices!);
    }

    [Fact]
    public async Task Yes_and_no_answers_are_counted_in_the_group_summary_and_written_to_the_csv_export()
    {
        await _bot.Execute(Person.Alice, (await _bot.Say(Person.Alice, "เริ่ม")).CurrentCard, CardVerbs.Answer, "yes");
        await _bot.Say(Person.Bob, "เริ่ม");
        await _bot.Say(Person.Bob, "2");
        var set = _bot.Get<IQuestionSetProvider>().ForWorkshop(WorkshopId);
        var key = AnonymityKey.FromBytes([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

        var summary = _bot.Get<GroupSummaryBuilder>().Build(new GroupSummaryRequest
        {
            WorkshopId = WorkshopId,
            WorkshopTitle = "ทดลอง",
            WorkshopDate = new DateOnly(2026, 3, 2),
            Visibility = AnswerVisibility.Anonymous,
            AnonymityKey = key,
            QuestionSet = set,
            Participants = [.. new[] { Person.Alice, Person.Bob }.Select(u => new SummaryParticipant(u.AadObjectId, null, _bot.Stored(u)!))],
        });

        var joined = Assert.IsType<ChoiceQuestionSummary>(summary.Questions[0]);
        Assert.Equal("yesNo", joined.Kind);
        Assert.Equal(2, joined.AnswerCount);
        Assert.Equal([("ใช่", 1), ("ไม่ใช่", 1)], joined.Options.Select(o => (o.Label.Th, o.Count)));
        var cardText = string.Join("\n", _bot.Get<SummaryCardBuilder>().Build(summary).Select(AdaptiveCardJson.Serialize));
        Assert.Contains("ไม่ใช่", cardText, StringComparison.Ordinal);

        var workshop = new ExportedWorkshop { Id = WorkshopId, Title = "ทดลอง", Visibility = AnswerVisibility.Anonymous, QuestionSet = set };
        await using var file = await _bot.Get<WorkshopExporter>().ExportAsync(workshop, key, ExportFormat.Csv, CancellationToken.None);
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        var rows = WorkshopExporterTests.CsvRows(new UTF8Encoding(false).GetString(copy.ToArray()).TrimStart('\uFEFF'));
        var answers = rows.Where(r => r[2] == "joinNetwork").Select(r => (Kind: r[4], Answer: r[5]));
        Assert.Equal(new[] { ("yesNo", "ใช่"), ("yesNo", "ไม่ใช่") }.Order(), answers.Order());
    }

    private static IEnumerable<string> ChoiceTitles(JsonElement card) => SocialProtection.Bot.TestSupport.AdaptiveCardReader.Elements(card)
        .Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "Input.ChoiceSet")
        .SelectMany(e => e.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("title").GetString()!));
}
