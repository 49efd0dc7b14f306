using System.Net;
using System.Text.Json;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Summaries.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>
/// The real bot (host Program on Kestrel, local-disk store) with the Agents Playground as Teams, in its team channel:
/// the Playground's signed-in user is a configured facilitator (Workshop:Facilitators) and also takes part, as one
/// person does in a small workshop. A workshop is created from the channel, the participant joins from the kickoff
/// card and answers in the personal chat the bot opens, and the facilitator's summary arrives in the channel.
/// </summary>
public sealed class FacilitationInPlaygroundTests : IAsyncLifetime
{
    private const string GoodPractice = "เครือข่ายระดับตำบลประชุมร่วมกันทุกเดือน ทำให้ส่งต่อผู้สูงอายุได้ทันเวลา";

    private readonly PlaygroundTenant _tenant = PlaygroundTenant.CreateRandom();
    private readonly string _storeFolder = Directory.CreateTempSubdirectory("facilitation-playground-").FullName;
    private BotHost? _bot;
    private PlaygroundServer? _playground;
    private PlaygroundClient? _client;

    public async Task InitializeAsync()
    {
        var settings = BotHost.LocalStore(_storeFolder);
        settings["Workshop:Facilitators:0"] = _tenant.CurrentUser.AadObjectId;
        _bot = await BotHost.StartAsync(settings);
        _playground = await PlaygroundServer.StartAsync(new PlaygroundServerOptions(_bot.MessagesEndpoint) { Tenant = _tenant });
        _client = await _playground.ConnectClientAsync();
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
        try
        {
            Directory.Delete(_storeFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task A_workshop_created_in_the_channel_collects_answers_in_personal_chat_and_its_summary_arrives_in_the_channel()
    {
        var client = _client!;
        var me = _tenant.CurrentUser.Id;
        var channel = _tenant.ChannelId;

        // The facilitator asks for a new workshop and fills the set-up card.
        await client.SendMessageAsync(channel, me, "workshop new", mentionBot: true);
        var setup = await client.WaitForMessageAsync(channel, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCard is { } card && AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create));
        var create = AdaptiveCardReader.ExecuteData(setup.AdaptiveCard!.Value, FacilitationVerbs.Create);
        create[FacilitationFields.Title] = "ถอดบทเรียนภาคีเครือข่าย";
        create[FacilitationFields.Date] = "2026-11-18";
        create[FacilitationFields.Groups] = "กลุ่มนโยบาย\nกลุ่มกลไกขับเคลื่อน";
        create[FacilitationFields.Visibility] = FacilitationFields.Anonymous;
        var created = await client.InvokeAdaptiveCardActionAsync(setup.ConversationId, me, setup.MessageId, FacilitationVerbs.Create, create);
        Assert.Equal(HttpStatusCode.OK, created.HttpStatus);
        Assert.Equal(PlaygroundInvokeResult.CardType, created.Type);
        Assert.Contains("Workshop created", AdaptiveCardReader.Text(created.Value!.Value), StringComparison.Ordinal);

        // The kickoff card is a post of its own in the channel; the participant presses Answer choosing a group.
        var kickoff = await client.WaitForMessageAsync(channel, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCard is { } card && AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Join));
        Assert.Contains("พ.ศ. 2569", AdaptiveCardReader.Text(kickoff.AdaptiveCard!.Value), StringComparison.Ordinal);
        var join = AdaptiveCardReader.ExecuteData(kickoff.AdaptiveCard!.Value, FacilitationVerbs.Join);
        join[FacilitationFields.Group] = "g1";
        // The bot posted the kickoff into the channel itself: it is the root of a thread of its own.
        var kickoffThread = kickoff.ConversationId.Contains(";messageid=", StringComparison.Ordinal)
            ? kickoff.ConversationId
            : kickoff.ConversationId + ";messageid=" + kickoff.MessageId;
        var joined = await client.InvokeAdaptiveCardActionAsync(kickoffThread, me, kickoff.MessageId, FacilitationVerbs.Join, join);
        Assert.Equal(PlaygroundInvokeResult.MessageType, joined.Type);
        Assert.Equal("เปิดคำถามในแชทส่วนตัวแล้ว / Questions opened in your personal chat", joined.Value!.Value.GetString());

        // The questions open in the participant's personal chat: answer the first on its card, the second by typing.
        var personal = _tenant.PersonalChatId;
        var first = await client.WaitForMessageAsync(personal, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCard is { } card && QuestionOf(card) == "organisationType");
        var answer = AdaptiveCardReader.ExecuteData(first.AdaptiveCard!.Value, CardVerbs.Answer);
        answer[CardDataFields.Answer] = "civilSociety";
        var answered = await client.InvokeAdaptiveCardActionAsync(personal, me, first.MessageId, CardVerbs.Answer, answer);
        Assert.Equal(HttpStatusCode.OK, answered.HttpStatus);
        await client.WaitForMessageAsync(personal, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCard is { } card && QuestionOf(card) == "goodPractices");
        await client.SendMessageAsync(personal, me, GoodPractice);
        await client.WaitForMessageAsync(personal, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCard is { } card && QuestionOf(card) == "obstacles");

        // Progress is one card in the channel: asked again, the same message is updated rather than a new one posted.
        await client.SendMessageAsync(channel, me, "progress", mentionBot: true);
        var progress = await client.WaitForMessageAsync(channel, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCard is { } card && AdaptiveCardReader.HasExecute(card, FacilitationVerbs.RefreshProgress));
        Assert.Contains("joined 1 · started 1 · submitted 0", AdaptiveCardReader.Text(progress.AdaptiveCard!.Value), StringComparison.Ordinal);
        // The card can arrive before the bot's turn has finished recording it: wait for the turn's answer.
        Assert.Equal(200, (await client.WaitForLogAsync(e => e.IsSentToBot && e.RequestText?.EndsWith(" progress", StringComparison.Ordinal) == true)).StatusCode);
        await client.SendMessageAsync(channel, me, "ความคืบหน้า", mentionBot: true);
        var updated = await client.WaitForMessageAsync(channel, m => m.Action == PlaygroundMessageAction.Updated && m.MessageId == progress.MessageId);
        Assert.True(AdaptiveCardReader.HasExecute(updated.AdaptiveCard!.Value, FacilitationVerbs.RefreshProgress));
        await client.ExpectNoMessageAsync(channel, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCard is { } card && AdaptiveCardReader.HasExecute(card, FacilitationVerbs.RefreshProgress), TimeSpan.FromSeconds(1));

        // The facilitator asks for group 1's summary; its cards arrive in the channel with the answer in them.
        await client.SendMessageAsync(channel, me, "สรุป 1", mentionBot: true);
        var summary = await client.WaitForMessageAsync(channel, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCards.Any(c => AdaptiveCardReader.Text(c).Contains(GoodPractice, StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        var summaryCard = summary.AdaptiveCard!.Value;
        Assert.Contains("กลุ่มนโยบาย", AdaptiveCardReader.Text(summaryCard), StringComparison.Ordinal);
        Assert.False(AdaptiveCardReader.HasExecute(summaryCard, SummaryCardVerbs.Vote));
        Assert.True(summaryCard.GetRawText().Length * 2 <= CardBudget.MaxBytes);
    }

    private static string? QuestionOf(JsonElement card) =>
        AdaptiveCardReader.HasExecute(card, CardVerbs.Answer)
            ? AdaptiveCardReader.ExecuteData(card, CardVerbs.Answer)["questionId"]?.GetValue<string>()
            : null;
}
