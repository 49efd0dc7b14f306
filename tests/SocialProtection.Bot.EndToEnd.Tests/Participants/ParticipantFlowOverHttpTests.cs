using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.EndToEnd.Tests.Participants;

/// <summary>
/// A participant's whole lesson extraction through /api/messages, with Azurite as Blob Storage, across a
/// restart of the bot.
/// </summary>
public sealed class ParticipantFlowOverHttpTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>, IAsyncLifetime
{
    private const string GoodPractices = "การทำงานร่วมกับเครือข่ายในพื้นที่ ๓ จังหวัด **ได้ผลดี** [ลิงก์](https://example.org) 👍\nทำต่อเนื่องมา ๒ ปี";
    private const string Obstacles = "งบประมาณกระจัดกระจาย และการทำงานแบบแยกส่วน (silo)";
    private const string ObstaclesEdited = "ทำงานแยกส่วนกันมาก ครั้งหน้าจัดเวทีวางแผนร่วมกันทุกไตรมาส";
    private const string Leverage = "ฐานข้อมูลผู้รับสวัสดิการร่วมกันระหว่างหน่วยงาน";
    private const string Financing = "จัดสรรภาษีบาปบางส่วนเข้ากองทุนคุ้มครองทางสังคม";
    private const string Mechanism = "คณะกรรมการการคุ้มครองทางสังคมแห่งชาติ มีนายกรัฐมนตรีเป็นประธาน";
    private const string CommitmentAction = "จัดประชุมภาคีเครือข่ายเพื่อทบทวนฐานข้อมูลร่วม";
    private const string CommitmentOrganisation = "กองการต่างประเทศ สป.พม.";

    private readonly string _container = "flow" + Guid.NewGuid().ToString("N")[..12];
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Start_answer_every_kind_back_edit_skip_pause_restart_continue_and_finish_stores_exactly_what_was_typed()
    {
        var settings = BotHost.BlobStore(azurite, _container);
        TeamsUser user;
        LessonParticipant alice;
        await using (var bot = await BotHost.StartAsync(settings))
        {
            using var http = bot.CreateClient();
            user = new TeamsUser(http, _connector.ServiceUrl, "Alice");
            alice = new LessonParticipant(user, _connector);

            var card = await alice.SayAndWaitForCardAsync("เริ่ม");
            Assert.Contains("1 / 11", AdaptiveCardReader.Text(card), StringComparison.Ordinal);
            card = await alice.AnswerAsync(card, "civilSociety");
            card = await alice.AnswerAsync(card, GoodPractices);
            card = await alice.AnswerAsync(card, Obstacles);
            Assert.Contains("4 / 11", AdaptiveCardReader.Text(card), StringComparison.Ordinal);

            // Back to question 3: the answer is in the field, and a new one replaces it.
            var (_, previous) = await alice.PressAsync(card, "lesson.back");
            Assert.Contains("3 / 11", AdaptiveCardReader.Text(previous), StringComparison.Ordinal);
            card = await alice.AnswerAsync(previous, ObstaclesEdited);

            card = await alice.AnswerAsync(card, Leverage);
            card = await alice.AnswerAsync(card, "olderPersons,children");
            card = await alice.AnswerAsync(card, Financing);
            (_, card) = await alice.PressAsync(card, "lesson.skip");
            Assert.Contains("8 / 11", AdaptiveCardReader.Text(card), StringComparison.Ordinal);

            // Save and continue later, with a draft typed into the field.
            await alice.PressAsync(card, "lesson.later", Mechanism);
        }

        // A new bot process over the same storage continues exactly where Alice was.
        await using (var bot = await BotHost.StartAsync(settings))
        {
            using var http = bot.CreateClient();
            user = new TeamsUser(http, _connector.ServiceUrl, user);
            alice = new LessonParticipant(user, _connector);

            var card = await alice.SayAndWaitForCardAsync("ทำต่อ");
            Assert.Contains("8 / 11", AdaptiveCardReader.Text(card), StringComparison.Ordinal);
            card = await alice.AnswerAsync(card, Mechanism);
            card = await alice.AnswerAsync(card, "4");
            card = await alice.AnswerAsync(card, "31/12/2569");

            // Commitments: add one (action, organisation, due date in Buddhist era with Thai digits), then done.
            (_, card) = await alice.PressAsync(card, "lesson.commitment.add");
            card = await alice.AnswerAsync(card, CommitmentAction);
            card = await alice.AnswerAsync(card, CommitmentOrganisation);
            card = await alice.AnswerAsync(card, "๓๑/๓/๒๕๗๐");
            card = await alice.AnswerAsync(card, null);
            Assert.True(AdaptiveCardReader.HasExecute(card, "lesson.submit"), "the review card offers to submit");
            var (submitted, _) = await alice.PressAsync(card, "lesson.submit");
            Assert.Equal(200, submitted.GetProperty("statusCode").GetInt32());

            var record = await StoredParticipants.ReadAsync(bot, user);
            Assert.NotNull(record);
            Assert.Equal(ParticipantStatus.Submitted, record.Status);
            Assert.Equal(["civilSociety"], record.Answers["organisationType"].Choices);
            Assert.Equal(GoodPractices, record.Answers["goodPractices"].Text);
            Assert.Equal(ObstaclesEdited, record.Answers["obstacles"].Text);
            Assert.Equal(Leverage, record.Answers["leveragePoints"].Text);
            Assert.Equal(["children", "olderPersons"], record.Answers["priorityGroups"].Choices!.Order(StringComparer.Ordinal));
            Assert.Equal(Financing, record.Answers["domesticFinancing"].Text);
            Assert.True(record.Answers["strategyRecommendations"].Skipped);
            Assert.Equal(Mechanism, record.Answers["mechanismRecommendations"].Text);
            Assert.Equal(4, record.Answers["networkReadiness"].Rating);
            Assert.Equal(new DateOnly(2026, 12, 31), record.Answers["followUpDate"].Date);
            var commitment = Assert.Single(record.Answers["commitments"].Commitments!);
            Assert.Equal(CommitmentAction, commitment.Action);
            Assert.Equal(CommitmentOrganisation, commitment.Organisation);
            Assert.Equal(new DateOnly(2027, 3, 31), commitment.DueDate);
        }
    }
}
