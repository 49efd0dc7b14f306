using System.Net;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Reminders;

/// <summary>
/// The real bot with the Agents Playground as Teams, in its team channel (issue 17, item 3): the facilitator types
/// the manifest's command ติดตามผล แผน, gets the plan form, and saving it answers with the bilingual confirmation.
/// </summary>
public sealed class FollowUpPlanInPlaygroundTests : IAsyncLifetime
{
    private readonly PlaygroundTenant _tenant = PlaygroundTenant.CreateRandom();
    private readonly string _storeFolder = Directory.CreateTempSubdirectory("followup-playground-").FullName;
    private BotHost? _bot;
    private PlaygroundServer? _playground;
    private PlaygroundClient? _client;

    public async Task InitializeAsync()
    {
        var settings = BotHost.LocalStore(_storeFolder);
        settings["Workshop:Facilitators:0"] = _tenant.CurrentUser.AadObjectId;
        settings["Reminders:Scheduler:Enabled"] = "false";
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
    public async Task The_facilitator_sets_the_follow_up_plan_on_the_form_in_the_channel()
    {
        var client = _client!;
        var me = _tenant.CurrentUser.Id;
        var channel = _tenant.ChannelId;
        await client.SendMessageAsync(channel, me, "workshop new", mentionBot: true);
        var setup = await client.WaitForMessageAsync(channel, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCard is { } card && AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create));
        var create = AdaptiveCardReader.ExecuteData(setup.AdaptiveCard!.Value, FacilitationVerbs.Create);
        create[FacilitationFields.Title] = "ถอดบทเรียนภาคีเครือข่าย";
        create[FacilitationFields.Date] = "2026-11-18";
        create[FacilitationFields.Groups] = "กลุ่มนโยบาย";
        create[FacilitationFields.Visibility] = FacilitationFields.Anonymous;
        Assert.Equal(PlaygroundInvokeResult.CardType, (await client.InvokeAdaptiveCardActionAsync(setup.ConversationId, me, setup.MessageId, FacilitationVerbs.Create, create)).Type);

        await client.SendMessageAsync(channel, me, "ติดตามผล แผน", mentionBot: true);
        var form = await client.WaitForMessageAsync(channel, m => m.Action == PlaygroundMessageAction.Created
            && m.AdaptiveCard is { } card && AdaptiveCardReader.HasExecute(card, FollowUpPlanVerbs.SavePlan));
        var text = AdaptiveCardReader.Text(form.AdaptiveCard!.Value);
        Assert.Contains("แผนติดตามผล", text, StringComparison.Ordinal);
        Assert.Contains("ถอดบทเรียนภาคีเครือข่าย", text, StringComparison.Ordinal);
        var data = AdaptiveCardReader.ExecuteData(form.AdaptiveCard!.Value, FollowUpPlanVerbs.SavePlan);
        data[FollowUpPlanVerbs.DateInput] = "2026-11-18";
        data[FollowUpPlanVerbs.AfterInput] = "2w,1m";
        data[FollowUpPlanVerbs.BeforeInput] = "3";
        data[FollowUpPlanVerbs.WeeklyDayInput] = "1";
        data[FollowUpPlanVerbs.WeeklyTimeInput] = "10:00";
        data[FollowUpPlanVerbs.SendAtInput] = FollowUpPlanVerbs.DefaultTime;

        var saved = await client.InvokeAdaptiveCardActionAsync(form.ConversationId, me, form.MessageId, FollowUpPlanVerbs.SavePlan, data);

        Assert.Equal(HttpStatusCode.OK, saved.HttpStatus);
        Assert.Equal(PlaygroundInvokeResult.CardType, saved.Type);
        var confirmation = AdaptiveCardReader.Text(saved.Value!.Value);
        Assert.Contains("บันทึกแผนติดตามผลแล้ว", confirmation, StringComparison.Ordinal);
        Assert.Contains("Follow-up plan saved", confirmation, StringComparison.Ordinal);
        Assert.Contains("ทุกวันจันทร์ เวลา 10:00 น.", confirmation, StringComparison.Ordinal);
    }
}
