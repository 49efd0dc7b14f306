using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Playground;

/// <summary>
/// The real bot with the Microsoft 365 Agents Playground as the Teams client: install, typed commands, the whole
/// lesson extraction through Action.Execute, the same buttons as Action.Submit (Teams mobile), @mentions in a
/// channel and a group chat, and one run through the Playground's web UI in Chromium.
/// </summary>
/// <remarks>
/// The Playground puts locale en-US into every activity; the bot ignores it (issue 17) and speaks the workshop's
/// language, Thai, with the English under it on every card.
/// </remarks>
public sealed class LessonDialogInPlaygroundTests(LessonBotPlaygroundFixture fixture)
    : IClassFixture<LessonBotPlaygroundFixture>, IAsyncLifetime
{
    private const Language PlaygroundLanguage = Language.Thai;

    // Typed the way Thai users type: Thai digits, SARA AM written as NIKHAHIT + SARA AA after a tone mark (นํ้า), the
    // doubled vowel PDFs produce (นำาเสนอ), a zero-width space between words, markdown that must stay text, an emoji.
    private const string Obstacles =
        "งบประมาณกระจัดกระจาย และการทำงานแบบแยกส่วน (silo)\nนํ้าท่วมซํ้าซากใน ๓ จังหวัด\u200Bทำให้แผนสะดุด *ไม่ใช่ตัวเอียง* [ลิงก์](https://example.org) นำาเสนอใหม่ 🙏";
    private const string Leverage = "ฐานข้อมูลผู้รับสวัสดิการร่วมกันระหว่างหน่วยงาน เพื่อให้ไม่มีใครตกหล่น";
    private const string Financing = "จัดสรรภาษีสรรพสามิตบางส่วนเข้ากองทุนคุ้มครองทางสังคม และให้ อปท. สมทบตามสัดส่วนรายได้";
    private const string Strategy = "ทำให้ความคุ้มครองทางสังคมเป็นวาระแห่งชาติ มีเป้าหมายและตัวชี้วัดชัดเจน นำข้อแนะฉบับที่ ๒๐๒ มาสู่การปฏิบัติ";
    private const string Mechanism = "คณะกรรมการการคุ้มครองทางสังคมแห่งชาติ มีนายกรัฐมนตรีเป็นประธาน";
    private const string CommitmentAction = "จัดประชุมภาคีเครือข่ายเพื่อทบทวนฐานข้อมูลร่วม ทุกไตรมาส";
    private const string CommitmentOrganisation = "กองการต่างประเทศ สป.พม.";

    private static readonly string[] DefaultSetOrder =
    [
        "organisationType", "goodPractices", "obstacles", "leveragePoints", "priorityGroups", "domesticFinancing",
        "strategyRecommendations", "mechanismRecommendations", "networkReadiness", "followUpDate", "commitments",
    ];

    private static readonly TextCatalog Ui = UiText.Default;

    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow.AddSeconds(-1);
    private PlaygroundClient? _connected;
    private PlaygroundClient _client = null!;
    private PlaygroundLessonChat _chat = null!;

    private PlaygroundTenant Tenant => fixture.Tenant;

    public async Task InitializeAsync()
    {
        await fixture.ForgetCurrentUserAsync();
        _client = _connected = await fixture.Playground.ConnectClientAsync();
        _chat = new PlaygroundLessonChat(_client, Tenant, _started);
        var config = await _client.GetTestConfigAsync();
        Assert.Equal("en-US", config.Locale);
    }

    public async Task DisposeAsync()
    {
        if (_connected is not null)
        {
            await _connected.DisposeAsync();
        }
    }

    [Fact]
    public async Task Installing_in_personal_chat_welcomes_the_user_once_although_two_install_events_arrive()
    {
        await _client.InstallAsync(Tenant.PersonalChatId);

        Assert.Equal(200, await _chat.BotStatusForAsync(e => e.RequestActivityType == "installationUpdate"));
        Assert.Equal(200, await _chat.BotStatusForAsync(e => e.RequestActivityType == "conversationUpdate"));
        var welcome = await _chat.WaitForCardAsync(IsWelcome);
        Assert.Equal(Tenant.BotId, welcome.FromId);
        Assert.True(AdaptiveCardReader.HasExecute(welcome.AdaptiveCard!.Value, CardVerbs.Start), "the welcome card has a Start button");
        Assert.Contains(Ui[UiTextKeys.WelcomeTitle].Th, AdaptiveCardReader.Text(welcome.AdaptiveCard!.Value), StringComparison.Ordinal);
        await AssertRendererAcceptsAsync(welcome.AdaptiveCard!.Value);

        // The Playground's web UI installs again on every page load, as a reinstall does in Teams: still no second welcome.
        await _client.InstallAsync(Tenant.PersonalChatId);
        Assert.Equal(200, await _chat.BotStatusForAsync(e => e.RequestActivityType == "installationUpdate"));
        Assert.Equal(200, await _chat.BotStatusForAsync(e => e.RequestActivityType == "conversationUpdate"));
        await _client.ExpectNoMessageAsync(Tenant.PersonalChatId, m => m.AdaptiveCard is { } card && IsWelcome(card), TimeSpan.FromSeconds(2));
        AssertEveryExchangeSucceeded();
    }

    [Fact]
    public async Task Start_typed_in_Thai_brings_the_first_question_as_a_card_the_renderer_accepts()
    {
        await _chat.SayAsync("เริ่ม");

        Assert.Equal(200, await _chat.BotStatusForAsync(e => e.RequestText == "เริ่ม"));
        var question = await _chat.WaitForQuestionAsync("organisationType");
        var card = question.AdaptiveCard!.Value;
        Assert.Equal(Tenant.BotId, question.FromId);
        Assert.NotNull(question.Timestamp); // what tells this test's frames from a previous test's
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var text = AdaptiveCardReader.Text(card);
        Assert.Contains("ข้อ 1 / 11", text, StringComparison.Ordinal);
        Assert.Contains("What kind of organisation do you come from?", text, StringComparison.Ordinal);
        Assert.Contains("คุณมาจากหน่วยงานประเภทใด", text, StringComparison.Ordinal);
        var input = Assert.Single(LessonCard.Inputs(card));
        Assert.Equal("Input.ChoiceSet", input.GetProperty("type").GetString());
        Assert.Equal(CardDataFields.Answer, input.GetProperty("id").GetString());
        Assert.Equal(4, input.GetProperty("choices").GetArrayLength());
        var save = AdaptiveCardReader.ExecuteData(card, CardVerbs.Answer);
        Assert.Equal(CardVerbs.Answer, save["verb"]?.GetValue<string>());
        Assert.Equal("organisationType", save["questionId"]?.GetValue<string>());
        Assert.NotNull(save["rev"]);
        await AssertRendererAcceptsAsync(card);
        AssertEveryExchangeSucceeded();
    }

    [Fact]
    public async Task Whole_question_set_answered_with_Execute_refreshes_each_card_in_place_and_stores_exactly_what_was_typed()
    {
        var set = QuestionSet();
        Assert.Equal(DefaultSetOrder, set.Questions.Select(q => q.Id));
        var goodPractices = LongThaiAnswer(set.Find("goodPractices")!.MaxLength);
        var dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400);
        string Label(string questionId, string value) => set.Find(questionId)!.Choices.Single(c => c.Value == value).Label.Th;
        var answers = new (string QuestionId, string Typed, string[] Shows)[]
        {
            ("organisationType", "civilSociety", [Label("organisationType", "civilSociety")]),
            ("goodPractices", goodPractices, [goodPractices]),
            ("obstacles", Obstacles, [Obstacles]),
            ("leveragePoints", Leverage, [Leverage]),
            ("priorityGroups", "olderPersons,informalWorkers", [Label("priorityGroups", "olderPersons"), Label("priorityGroups", "informalWorkers")]),
            ("domesticFinancing", Financing, [Financing]),
            ("strategyRecommendations", Strategy, [Strategy]),
            ("mechanismRecommendations", Mechanism, [Mechanism]),
            ("networkReadiness", "4", [Ui.Format(UiTextKeys.CardRatingValue, PlaygroundLanguage, "4")]),
            ("followUpDate", "31/12/2569", ["31 ธันวาคม พ.ศ. 2569", "2026"]),
        };
        var seen = new List<JsonElement>();

        await _chat.SayAsync("เริ่ม");
        var question = await _chat.WaitForQuestionAsync(answers[0].QuestionId);
        var firstQuestion = question;
        foreach (var (questionId, typed, shows) in answers)
        {
            var card = question.AdaptiveCard!.Value;
            seen.Add(card);
            var result = await _chat.PressAsync(question.MessageId, card, CardVerbs.Answer, typed);

            var answered = AssertCardResponse(result);
            seen.Add(answered);
            LessonCard.AssertAnswered(answered, questionId, Answered, shows);
            var next = await _chat.WaitForQuestionAsync(DefaultSetOrder[Array.IndexOf(DefaultSetOrder, questionId) + 1]);
            Assert.NotEqual(question.MessageId, next.MessageId);
            question = next;
        }

        // Commitments: one card holds what, who and by when; "add another" saves it in place and empties the fields.
        var listMessage = question;
        var list = listMessage.AdaptiveCard!.Value;
        seen.Add(list);
        list = AssertCardResponse(await _chat.PressWithInputsAsync(listMessage.MessageId, list, CardVerbs.AddCommitment, new Dictionary<string, string>
        {
            [CardDataFields.CommitmentAction] = CommitmentAction,
            [CardDataFields.CommitmentOrganisation] = CommitmentOrganisation,
            [CardDataFields.CommitmentDueDate] = ThaiBuddhistEraDate(dueDate),
        }));
        seen.Add(list);
        Assert.Contains(CommitmentAction, AdaptiveCardReader.Text(list), StringComparison.Ordinal);
        Assert.Contains(CommitmentOrganisation, AdaptiveCardReader.Text(list), StringComparison.Ordinal);
        // "Finish" with the fields left empty moves on.
        var answeredList = AssertCardResponse(await _chat.PressWithInputsAsync(listMessage.MessageId, list, CardVerbs.Answer, new Dictionary<string, string>
        {
            [CardDataFields.CommitmentAction] = "",
            [CardDataFields.CommitmentOrganisation] = "",
            [CardDataFields.CommitmentDueDate] = "",
        }));
        seen.Add(answeredList);
        LessonCard.AssertAnswered(answeredList, "commitments", Answered, CommitmentAction, CommitmentOrganisation,
            (dueDate.Year + 543).ToString(CultureInfo.InvariantCulture));

        // Every question answered: the review arrives as new message(s), the last with Submit.
        var review = await _chat.WaitForCardAsync(card => AdaptiveCardReader.HasExecute(card, CardVerbs.Submit));
        seen.Add(review.AdaptiveCard!.Value);
        var submitted = AssertCardResponse(await _chat.PressAsync(review.MessageId, review.AdaptiveCard!.Value, CardVerbs.Submit));
        seen.Add(submitted);
        Assert.Contains(Ui.Get(UiTextKeys.SubmittedTitle, PlaygroundLanguage), AdaptiveCardReader.Text(submitted), StringComparison.Ordinal);

        // Teams refreshes an old card automatically when the user looks at it again: it shows the stored answer, read-only.
        var refreshed = AssertCardResponse(await RefreshAsync(firstQuestion));
        LessonCard.AssertAnswered(refreshed, "organisationType", Answered, Label("organisationType", "civilSociety"));

        await AssertRendererAcceptsAsync([.. seen]);
        var (record, stored) = await fixture.ReadCurrentUserAsync();
        Assert.Equal(ParticipantStatus.Submitted, record.Status);
        Assert.Equal(["civilSociety"], record.Answers["organisationType"].Choices);
        AssertSameText(goodPractices, record.Answers["goodPractices"].Text);
        AssertSameText(Obstacles, record.Answers["obstacles"].Text);
        AssertSameText(Leverage, record.Answers["leveragePoints"].Text);
        Assert.Equal(["informalWorkers", "olderPersons"], record.Answers["priorityGroups"].Choices!.Order(StringComparer.Ordinal));
        AssertSameText(Financing, record.Answers["domesticFinancing"].Text);
        AssertSameText(Strategy, record.Answers["strategyRecommendations"].Text);
        AssertSameText(Mechanism, record.Answers["mechanismRecommendations"].Text);
        Assert.Equal(4, record.Answers["networkReadiness"].Rating);
        Assert.Equal(new DateOnly(2026, 12, 31), record.Answers["followUpDate"].Date);
        var commitment = Assert.Single(record.Answers["commitments"].Commitments!);
        AssertSameText(CommitmentAction, commitment.Action);
        AssertSameText(CommitmentOrganisation, commitment.Organisation);
        Assert.Equal(dueDate, commitment.DueDate);
        // Thai is stored as UTF-8 text, not as \u escapes: the bytes on disk hold the bytes the user's words are made of.
        Assert.True(Contains(stored, Encoding.UTF8.GetBytes(Leverage)), "the stored record holds the Thai answer as UTF-8");
        Assert.True(Contains(stored, Encoding.UTF8.GetBytes(CommitmentOrganisation)), "the stored record holds the Thai organisation as UTF-8");
        AssertEveryExchangeSucceeded();
    }

    [Fact]
    public async Task Buttons_pressed_as_Action_Submit_update_the_card_in_place_and_bring_the_next_question()
    {
        await _chat.SayAsync("เริ่ม");
        var first = await _chat.WaitForQuestionAsync("organisationType");

        await _chat.SubmitAsync(first.MessageId, first.AdaptiveCard!.Value, CardVerbs.Answer, "government");

        var updated = await _client.WaitForMessageAsync(Tenant.PersonalChatId,
            m => m.Action == PlaygroundMessageAction.Updated && m.MessageId == first.MessageId);
        LessonCard.AssertAnswered(updated.AdaptiveCard!.Value, "organisationType", Answered,
            QuestionSet().Find("organisationType")!.Choices.Single(c => c.Value == "government").Label.Th);
        var second = await _chat.WaitForQuestionAsync("goodPractices");
        Assert.Equal(200, await _chat.BotStatusForAsync(e => e.RequestActivityType == "message" && IsSubmitOf(e, "organisationType")));

        await _chat.SubmitAsync(second.MessageId, second.AdaptiveCard!.Value, CardVerbs.Answer, Obstacles);

        updated = await _client.WaitForMessageAsync(Tenant.PersonalChatId,
            m => m.Action == PlaygroundMessageAction.Updated && m.MessageId == second.MessageId);
        LessonCard.AssertAnswered(updated.AdaptiveCard!.Value, "goodPractices", Answered, Obstacles);
        await _chat.WaitForQuestionAsync("obstacles");
        Assert.Equal(200, await _chat.BotStatusForAsync(e => e.RequestActivityType == "message" && IsSubmitOf(e, "goodPractices")));
        var (record, _) = await fixture.ReadCurrentUserAsync();
        Assert.Equal(["government"], record.Answers["organisationType"].Choices);
        AssertSameText(Obstacles, record.Answers["goodPractices"].Text);
        Assert.Equal(ParticipantStatus.InProgress, record.Status);
        AssertEveryExchangeSucceeded();
    }

    [Fact]
    public async Task Save_pressed_again_on_an_old_question_card_changes_nothing_and_shows_where_the_user_is()
    {
        await _chat.SayAsync("เริ่ม");
        await _chat.WaitForTextAsync(text => text.Contains(QuestionSet().Title.Th, StringComparison.Ordinal));
        var first = await _chat.WaitForQuestionAsync("organisationType");
        var oldCard = first.AdaptiveCard!.Value;
        AssertCardResponse(await _chat.PressAsync(first.MessageId, oldCard, CardVerbs.Answer, "civilSociety"));
        await _chat.WaitForQuestionAsync("goodPractices");

        // The same button again, from the card as it first arrived (a second device, a double click on a slow network).
        var stale = AssertCardResponse(await _chat.PressAsync(first.MessageId, oldCard, CardVerbs.Answer, "government"));

        var text = AdaptiveCardReader.Text(stale);
        Assert.Contains(Ui.Get(UiTextKeys.NoticeStaleCard, PlaygroundLanguage), text, StringComparison.Ordinal);
        Assert.Equal("goodPractices", LessonCard.AnswerQuestionId(stale));
        await _client.ExpectNoMessageAsync(Tenant.PersonalChatId, m => IsFresh(m) && m.Action == PlaygroundMessageAction.Created, TimeSpan.FromSeconds(1));
        var (record, _) = await fixture.ReadCurrentUserAsync();
        Assert.Equal(["civilSociety"], record.Answers["organisationType"].Choices);
        Assert.False(record.Answers.ContainsKey("goodPractices"));
        AssertEveryExchangeSucceeded();
    }

    [Fact]
    public async Task Help_mentioning_the_bot_in_a_channel_or_group_chat_is_read_without_the_mention_and_gets_the_facilitator_commands_there()
    {
        var commands = FacilitationText.Default.Paragraphs(FacilitationTextKeys.Help);

        var post = await _client.SendMessageAsync(Tenant.ChannelId, Tenant.CurrentUser.Id, "help", mentionBot: true);
        await _client.SendMessageAsync(Tenant.GroupChatId, Tenant.CurrentUser.Id, "help", mentionBot: true);

        var channelTurn = await _client.WaitForLogAsync(e => e.IsSentToBot && e.RequestActivityType == "message"
                                                            && e.ConversationId?.StartsWith(Tenant.ChannelId, StringComparison.Ordinal) == true);
        var groupTurn = await _client.WaitForLogAsync(e => e.IsSentToBot && e.RequestActivityType == "message" && e.ConversationId == Tenant.GroupChatId);
        foreach (var turn in new[] { channelTurn, groupTurn })
        {
            Assert.Equal(200, turn.StatusCode);
            Assert.Equal($"<at>{Tenant.BotName}</at> help", turn.RequestText);
            Assert.Equal("mention", turn.RequestBody!.Value.GetProperty("entities")[0].GetProperty("type").GetString());
        }

        // Each post in a channel starts a thread: the answer goes into the thread the user started.
        var channelReply = await _client.WaitForMessageAsync(Tenant.ChannelId, m => IsFresh(m) && m.Action == PlaygroundMessageAction.Created);
        Assert.Equal(post.PostConversationId, channelReply.ConversationId);
        Assert.Equal(commands, channelReply.Text);
        var groupReply = await _client.WaitForMessageAsync(Tenant.GroupChatId, m => IsFresh(m) && m.Action == PlaygroundMessageAction.Created);
        Assert.Equal(commands, groupReply.Text);
        await _client.ExpectNoMessageAsync(Tenant.ChannelId, IsFresh, TimeSpan.FromSeconds(1));
        await _client.ExpectNoMessageAsync(Tenant.GroupChatId, IsFresh, TimeSpan.FromMilliseconds(200));
        AssertEveryExchangeSucceeded();
    }

    [Fact]
    public async Task Help_with_the_bot_mentioned_in_personal_chat_is_read_without_the_mention_and_gets_the_help_text()
    {
        await _client.SendMessageAsync(Tenant.PersonalChatId, Tenant.CurrentUser.Id, "help", mentionBot: true);

        Assert.Equal(200, await _chat.BotStatusForAsync(e => e.RequestText == $"<at>{Tenant.BotName}</at> help"));
        var help = await _client.WaitForMessageAsync(Tenant.PersonalChatId, m => IsFresh(m) && m.Action == PlaygroundMessageAction.Created);
        Assert.Equal(Ui.Get(UiTextKeys.Help, PlaygroundLanguage), help.Text);
        Assert.Null(help.AdaptiveCard);
        AssertEveryExchangeSucceeded();
    }

    [BrowserFact]
    public async Task In_the_Playground_web_UI_the_first_question_renders_in_Thai_and_answering_it_turns_it_into_the_answered_card()
    {
        // Chosen before the page opens, so the choice is stored; the card would be Thai anyway (the locale does not decide).
        await _chat.SayAsync("ภาษา ไทย");
        await _chat.WaitForTextAsync(text => text == Ui.Get(UiTextKeys.NoticeLanguageChanged, Language.Thai));
        var question = QuestionSet().Find("organisationType")!;
        var chosen = question.Choices.Single(c => c.Value == "civilSociety").Label.Th;

        var run = await BrowserSession.RunScenarioAsync("lesson-card-answer", fixture.Playground.BaseAddress, new JsonObject
        {
            ["message"] = "เริ่ม",
            ["expectText"] = question.Text.Th,
            ["choose"] = chosen,
            ["buttonTitle"] = Ui.Get(UiTextKeys.ActionSaveAnswer, Language.Thai),
            ["expectAfterClick"] = new JsonArray(question.Text.Th, Ui.Get(UiTextKeys.CardAnswered, Language.Thai), chosen),
            ["expectNext"] = QuestionSet().Find("goodPractices")!.Text.Th,
        });

        var questionText = run.Result.GetProperty("questionText").GetString()!;
        Assert.Contains("ข้อ 1 / 11", questionText, StringComparison.Ordinal);
        Assert.Contains(Ui.Get(UiTextKeys.ActionSaveAnswer, Language.Thai), questionText, StringComparison.Ordinal);
        var answeredText = run.Result.GetProperty("answeredText").GetString()!;
        Assert.DoesNotContain(Ui.Get(UiTextKeys.ActionSaveAnswer, Language.Thai), answeredText, StringComparison.Ordinal);
        Assert.Contains(Ui.Get(UiTextKeys.ActionEdit, Language.Thai), answeredText, StringComparison.Ordinal);
        Assert.Contains("ข้อ 2 / 11", run.Result.GetProperty("nextText").GetString(), StringComparison.Ordinal);
        Assert.All(run.Screenshots, path => Assert.True(new FileInfo(path).Length > 10_000, $"{path} is not a real screenshot"));
        var invoke = await _client.WaitForLogAsync(e => e.IsSentToBot && e.RequestActivityType == "invoke");
        Assert.Equal(200, invoke.StatusCode);
        var (record, _) = await fixture.ReadCurrentUserAsync();
        Assert.Equal(["civilSociety"], record.Answers["organisationType"].Choices);
        Assert.Equal("th", record.Language);
        AssertEveryExchangeSucceeded();
    }

    [BrowserFact]
    public async Task In_the_Playground_web_UI_switching_to_English_changes_the_open_card_in_place_and_a_commitment_is_one_card()
    {
        var set = QuestionSet();
        var first = set.Find("organisationType")!;
        var commitments = set.Find("commitments")!;
        const string action = "จัดประชุมภาคีเครือข่ายเพื่อทบทวนฐานข้อมูลร่วม";

        var run = await BrowserSession.RunScenarioAsync("lesson-language-and-commitment", fixture.Playground.BaseAddress, new JsonObject
        {
            ["start"] = "เริ่ม",
            ["thaiQuestion"] = first.Text.Th,
            ["switchCommand"] = "language en",
            ["englishQuestion"] = "Question 1 / 11",
            ["saveTitle"] = Ui.Get(UiTextKeys.ActionSaveAnswer, Language.English),
            ["goToCommitments"] = "edit 11",
            ["commitmentQuestion"] = commitments.Text.En,
            ["fields"] = new JsonObject
            {
                [Ui.Get(UiTextKeys.CommitmentPromptAction, Language.English)] = action,
                [Ui.Get(UiTextKeys.CommitmentPromptOrganisation, Language.English)] = "กองการต่างประเทศ สป.พม.",
                [Ui.Get(UiTextKeys.CommitmentPromptDueDate, Language.English)] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60)
                    .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            ["addAnotherTitle"] = Ui.Get(UiTextKeys.ActionAddAnotherCommitment, Language.English),
            ["expectAfterAdd"] = action,
            ["editTitle"] = Ui.Get(UiTextKeys.ActionEditCommitment, Language.English),
        });

        // One open card for question 1 after the switch: the Thai one became the English one.
        Assert.Equal(1, run.Result.GetProperty("openQuestionCards").GetInt32());
        Assert.Contains("Question 1 / 11", run.Result.GetProperty("englishText").GetString(), StringComparison.Ordinal);
        var commitmentText = run.Result.GetProperty("commitmentText").GetString()!;
        foreach (var label in new[] { UiTextKeys.CommitmentPromptAction, UiTextKeys.CommitmentPromptOrganisation, UiTextKeys.CommitmentPromptDueDate })
        {
            Assert.Contains(Ui.Get(label, Language.English), commitmentText, StringComparison.Ordinal);
        }
        Assert.Contains(action, run.Result.GetProperty("afterAddText").GetString(), StringComparison.Ordinal);
        Assert.All(run.Screenshots, path => Assert.True(new FileInfo(path).Length > 10_000, $"{path} is not a real screenshot"));
        var (record, _) = await fixture.ReadCurrentUserAsync();
        Assert.Equal("en", record.Language);
        Assert.Equal(action, Assert.Single(record.Answers["commitments"].Commitments!).Action);
        AssertEveryExchangeSucceeded();
    }

    /// <summary>Every exchange between the Playground and the bot so far, in both directions, got a 2xx.</summary>
    private void AssertEveryExchangeSucceeded() =>
        Assert.DoesNotContain(_client.Log, e => e.StatusCode is { } status && (status < 200 || status > 299));

    private static string Answered => Ui.Get(UiTextKeys.CardAnswered, PlaygroundLanguage);

    private QuestionSet QuestionSet() =>
        fixture.Bot.GetRequiredService<IQuestionSetProvider>().ForWorkshop(LessonBotPlaygroundFixture.WorkshopId);

    private bool IsFresh(PlaygroundMessage message) => message.Timestamp is not { } at || at >= _started;

    private static bool IsWelcome(JsonElement card) =>
        AdaptiveCardReader.Text(card).Contains(Ui[UiTextKeys.WelcomeTitle].En, StringComparison.Ordinal);

    private static bool IsSubmitOf(PlaygroundLogEntry entry, string questionId) =>
        entry.RequestBody is { ValueKind: JsonValueKind.Object } body
        && body.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty("questionId", out var id) && id.GetString() == questionId;

    /// <summary>The invoke succeeded and its response replaces the card: returns that card.</summary>
    private static JsonElement AssertCardResponse(PlaygroundInvokeResult result)
    {
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(PlaygroundInvokeResult.CardType, result.Type);
        Assert.Equal(JsonValueKind.Object, result.Value?.ValueKind);
        return result.Value!.Value;
    }

    /// <summary>What Teams sends when a card with a refresh action comes into view: the refresh verb, trigger "automatic".</summary>
    private Task<PlaygroundInvokeResult> RefreshAsync(PlaygroundMessage message)
    {
        var action = message.AdaptiveCard!.Value.GetProperty("refresh").GetProperty("action");
        Assert.Contains(Tenant.CurrentUser.Id, message.AdaptiveCard!.Value.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));
        return _client.InvokeAsync(new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = Tenant.CurrentUser.Id },
            ["conversation"] = new JsonObject { ["id"] = Tenant.PersonalChatId },
            ["replyToId"] = message.MessageId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = action.GetProperty("verb").GetString(),
                    ["data"] = JsonNode.Parse(action.GetProperty("data").GetRawText()),
                },
                ["trigger"] = "automatic",
            },
        });
    }

    private static async Task AssertRendererAcceptsAsync(params JsonElement[] cards)
    {
        var report = await AdaptiveCardValidator.ValidateAsync([.. cards.Select(c => c.GetRawText())]);
        Assert.True(report.IsClean, report.Describe());
    }

    /// <summary>The same text, code unit for code unit (so the same UTF-8 bytes): nothing normalised, trimmed or re-encoded.</summary>
    private static void AssertSameText(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>A long answer near the question's limit: Thai sentences numbered in Thai digits, one per line.</summary>
    private static string LongThaiAnswer(int maxCharacters)
    {
        string[] sentences =
        [
            "การทำงานร่วมกับเครือข่ายในพื้นที่ได้ผลดี เพราะผู้นำชุมชนรู้จักครัวเรือนเปราะบางทุกหลัง",
            "อาสาสมัครพัฒนาสังคมฯ ช่วยลงทะเบียนผู้สูงอายุและคนพิการที่ยังตกหล่นจากสวัสดิการ",
            "การประชุมร่วมทุกเดือนระหว่างหน่วยงานภาครัฐและภาคประชาสังคมทำให้แก้ปัญหาได้เร็วขึ้น",
        ];
        var text = new StringBuilder();
        for (var i = 1; ; i++)
        {
            var line = ToThaiDigits(i.ToString(CultureInfo.InvariantCulture)) + ". " + sentences[i % sentences.Length] + "\n";
            // The limit counts what a reader sees as characters; staying under it in UTF-16 units is under it in any count.
            if (text.Length + line.Length > maxCharacters - 10)
            {
                break;
            }

            text.Append(line);
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>"31/12/2570"-style date in the Buddhist era, with Thai digits, as a Thai participant types it.</summary>
    private static string ThaiBuddhistEraDate(DateOnly date) =>
        ToThaiDigits(string.Create(CultureInfo.InvariantCulture, $"{date.Day}/{date.Month}/{date.Year + 543}"));

    private static string ToThaiDigits(string ascii) =>
        string.Concat(ascii.Select(c => c is >= '0' and <= '9' ? (char)('\u0E50' + (c - '0')) : c));
}
