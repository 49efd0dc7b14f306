using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
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
/// registered here as one more <see cref="QuestionKind"/> service, with nothing in the bot's source changed. A
/// participant then answers a yes/no question through the router as Teams would send it, and the answer is stored,
/// shown on the review, counted in the group summary and written to the CSV export.
/// </summary>
public sealed class YesNoKindTests : IDisposable
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

    private static int _activityNumber;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sp-bot-tests", "yes-no-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _provider;
    private readonly ActivityRouter _router;

    public YesNoKindTests()
    {
        Directory.CreateDirectory(_root);
        var setPath = Path.Combine(_root, "yes-no-set.json");
        File.WriteAllText(setPath, SetJson);
        var settings = new Dictionary<string, string?> { ["Workshop:DefaultWorkshopId"] = WorkshopId, ["Workshop:QuestionSetPath"] = setPath };
        var services = TestBotServices.Create(settings, new FileObjectStore(Path.Combine(_root, "data"), _time), _time);
        services.AddSingleton<QuestionKind>(new YesNoKind());
        _provider = services.BuildServiceProvider();
        _router = _provider.GetRequiredService<WorkshopRoutes>().Build();
    }

    public void Dispose()
    {
        _provider.Dispose();
        Directory.Delete(_root, recursive: true);
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
        var alice = TestUser.Alice;

        var card = (await Say(alice, "เริ่ม")).CurrentCard;
        var text = CardJson.Text(card);
        Assert.Contains("หน่วยงานของคุณจะเข้าร่วมเครือข่าย", text, StringComparison.Ordinal);
        Assert.Equal("Input.ChoiceSet", CardJson.InputType(card));
        Assert.Equal(["ใช่", "ไม่ใช่"], ChoiceTitles(card));
        Assert.Contains("พิมพ์คำตอบลงในแชตแทนก็ได้", text, StringComparison.Ordinal);

        var answered = await Press(alice, card, CardVerbs.Answer, "yes");

        var pressed = CardJson.Text(answered.PressedCard!.Value);
        Assert.Contains("ตอบแล้ว", pressed, StringComparison.Ordinal);
        Assert.Contains("ใช่", pressed, StringComparison.Ordinal);
        var stored = Stored(alice)!.Answers["joinNetwork"];
        Assert.Equal("yesNo", stored.Kind);
        Assert.Equal(["yes"], stored.Choices!);

        var review = await Press(alice, answered.CurrentCard, CardVerbs.Skip);
        var reviewText = CardJson.Text(review.CurrentCard);
        Assert.Contains("หน่วยงานของคุณจะเข้าร่วมเครือข่าย", reviewText, StringComparison.Ordinal);
        Assert.Contains("\nใช่\n", reviewText, StringComparison.Ordinal);

        // Editing shows the question again with the stored answer chosen.
        var edit = await Say(alice, "แก้ไข 1");
        Assert.Equal("yes", CardJson.InputValue(edit.CurrentCard));
    }

    [Fact]
    public async Task A_participant_may_type_no_in_Thai_and_anything_else_is_refused()
    {
        var bob = TestUser.Bob;
        await Say(bob, "start");

        var refused = await Say(bob, "อาจจะ");
        Assert.Contains("โปรดเลือกจากตัวเลือกที่มีให้", CardJson.Text(refused.CurrentCard), StringComparison.Ordinal);
        Assert.False(Stored(bob)!.Answers.ContainsKey("joinNetwork"));

        await Say(bob, "ไม่");
        Assert.Equal(["no"], Stored(bob)!.Answers["joinNetwork"].Choices!);
    }

    [Fact]
    public async Task Yes_and_no_answers_are_counted_in_the_group_summary_and_written_to_the_csv_export()
    {
        await Press(TestUser.Alice, (await Say(TestUser.Alice, "เริ่ม")).CurrentCard, CardVerbs.Answer, "yes");
        await Say(TestUser.Bob, "เริ่ม");
        await Say(TestUser.Bob, "2");
        var set = _provider.GetRequiredService<IQuestionSetProvider>().ForWorkshop(WorkshopId);
        var key = AnonymityKey.FromBytes([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

        var summary = _provider.GetRequiredService<GroupSummaryBuilder>().Build(new GroupSummaryRequest
        {
            WorkshopId = WorkshopId,
            WorkshopTitle = "ทดลอง",
            WorkshopDate = new DateOnly(2026, 3, 2),
            Visibility = AnswerVisibility.Anonymous,
            AnonymityKey = key,
            QuestionSet = set,
            Participants = [.. new[] { TestUser.Alice, TestUser.Bob }.Select(u => new SummaryParticipant(u.AadObjectId, null, Stored(u)!))],
        });

        var joined = Assert.IsType<ChoiceQuestionSummary>(summary.Questions[0]);
        Assert.Equal("yesNo", joined.Kind);
        Assert.Equal(2, joined.AnswerCount);
        Assert.Equal([("ใช่", 1), ("ไม่ใช่", 1)], joined.Options.Select(o => (o.Label.Th, o.Count)));
        var cardText = string.Join("\n", _provider.GetRequiredService<SummaryCardBuilder>().Build(summary).Select(AdaptiveCardJson.Serialize));
        Assert.Contains("ไม่ใช่", cardText, StringComparison.Ordinal);

        var workshop = new ExportedWorkshop { Id = WorkshopId, Title = "ทดลอง", Visibility = AnswerVisibility.Anonymous, QuestionSet = set };
        await using var file = await _provider.GetRequiredService<WorkshopExporter>().ExportAsync(workshop, key, ExportFormat.Csv, CancellationToken.None);
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        var rows = WorkshopExporterTests.CsvRows(new UTF8Encoding(false).GetString(copy.ToArray()).TrimStart('\uFEFF'));
        var answers = rows.Where(r => r[2] == "joinNetwork").Select(r => (Kind: r[4], Answer: r[5]));
        Assert.Equal(new[] { ("yesNo", "ใช่"), ("yesNo", "ไม่ใช่") }.Order(), answers.Order());
    }

    private static IEnumerable<string> ChoiceTitles(JsonElement card) => SocialProtection.Bot.TestSupport.AdaptiveCardReader.Elements(card)
        .Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "Input.ChoiceSet")
        .SelectMany(e => e.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("title").GetString()!));

    private ParticipantRecord? Stored(TestUser user) =>
        _provider.GetRequiredService<IObjectStore>().GetAsync(WorkshopKeys.Participant(WorkshopId, user.AadObjectId), CancellationToken.None)
            .GetAwaiter().GetResult() is { } raw
            ? raw.Content.ToObjectFromJson<ParticipantRecord>(StoredJson.Options)
            : null;

    private Task<TurnResult> Say(TestUser user, string text) => Send(Activity(user, ActivityTypes.Message) with { Text = text });

    /// <summary>Presses a button of the card as Action.Execute, with <paramref name="answer"/> in its answer field.</summary>
    private Task<TurnResult> Press(TestUser user, JsonElement card, string verb, string? answer = null)
    {
        var data = JsonNode.Parse(CardJson.ActionData(card, verb).GetRawText())!.AsObject();
        if (answer is not null)
        {
            data["answer"] = answer;
        }
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return Send(Activity(user, ActivityTypes.Invoke) with
        {
            Name = ActivityRouter.AdaptiveCardActionInvoke,
            Value = JsonSerializer.SerializeToElement(value),
        });
    }

    private async Task<TurnResult> Send(Activity activity)
    {
        var turn = new RecordingTurnContext(activity);
        return new TurnResult(turn, await _router.OnTurnAsync(turn, CancellationToken.None));
    }

    private Activity Activity(TestUser user, string type) => new()
    {
        Type = type,
        Id = "yes-no-" + Interlocked.Increment(ref _activityNumber),
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        Timestamp = _time.GetUtcNow(),
        From = new ChannelAccount { Id = user.TeamsId, AadObjectId = user.AadObjectId, Name = "Test participant" },
        Recipient = new ChannelAccount { Id = "28:bot-app-id", Name = "Bot" },
        Conversation = new ConversationAccount { Id = user.ConversationId, ConversationType = "personal", TenantId = "tenant-1" },
        Locale = "th-TH",
    };
}
