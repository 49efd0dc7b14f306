using System.Net;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.EndToEnd.Tests.Reminders;

/// <summary>The real bot with the Microsoft 365 Agents Playground as the Teams client: a reminder arrives on its own and its Done button updates it.</summary>
public sealed class ReminderInPlaygroundTests : IAsyncLifetime
{
    private const string WorkshopId = "followup-playground";
    private const string Action = "จัดประชุมภาคีเครือข่ายเพื่อทบทวนฐานข้อมูลร่วม";

    private readonly string _storeFolder = Directory.CreateTempSubdirectory("reminder-playground-").FullName;
    private BotHost _bot = null!;
    private PlaygroundServer _playground = null!;

    public async Task InitializeAsync()
    {
        var settings = BotHost.LocalStore(_storeFolder);
        settings["Reminders:Schedule:WorkdayStart"] = "00:00";
        settings["Reminders:Schedule:WorkdayEnd"] = "23:59:59";
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        for (var d = 0; d < days.Length; d++)
        {
            settings[$"Reminders:Schedule:WorkingDays:{d}"] = days[d];
        }

        settings["Reminders:Scheduler:PollInterval"] = "00:00:01";
        settings["Reminders:Scheduler:PlanningInterval"] = "00:00:10";
        _bot = await BotHost.StartAsync(settings);
        _playground = await PlaygroundServer.StartAsync(_bot.MessagesEndpoint);
    }

    public async Task DisposeAsync()
    {
        await _playground.DisposeAsync();
        await _bot.DisposeAsync();
        Directory.Delete(_storeFolder, recursive: true);
    }

    [Fact]
    public async Task A_reminder_arrives_as_a_proactive_message_and_its_Done_button_updates_it_in_place()
    {
        await using var client = await _playground.ConnectClientAsync();
        var tenant = _playground.Tenant;
        var userKey = tenant.CurrentUser.AadObjectId;
        await client.InstallAsync(tenant.PersonalChatId);
        var conversations = _bot.GetRequiredService<UserProfileStore>();
        for (var i = 0; i < 100 && await conversations.GetConversationAsync(userKey, CancellationToken.None) is null; i++)
        {
            await Task.Delay(100);
        }

        await SeedAsync(userKey);

        var reminder = await client.WaitForMessageAsync(tenant.PersonalChatId,
            m => m.Action == PlaygroundMessageAction.Created && m.AdaptiveCard is { } card && AdaptiveCardReader.Text(card).Contains(Action, StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        var card = reminder.AdaptiveCard!.Value;
        Assert.Equal(tenant.BotId, reminder.FromId);
        Assert.Contains("Reminder", AdaptiveCardReader.Text(card), StringComparison.Ordinal);

        var result = await client.InvokeAdaptiveCardActionAsync(tenant.PersonalChatId, tenant.CurrentUser.Id, reminder.MessageId,
            ReminderCardVerbs.Done, AdaptiveCardReader.ExecuteData(card, ReminderCardVerbs.Done));

        Assert.Equal(HttpStatusCode.OK, result.HttpStatus);
        Assert.Equal(PlaygroundInvokeResult.CardType, result.Type);
        var updated = result.Value!.Value;
        Assert.Contains("marked as done", AdaptiveCardReader.Text(updated), StringComparison.Ordinal);
        Assert.False(AdaptiveCardReader.HasExecute(updated, ReminderCardVerbs.Done));
        var partner = await _bot.GetRequiredService<FollowUpStore>().GetPartnerAsync(WorkshopId, userKey, CancellationToken.None);
        Assert.Equal(CommitmentStatus.Done, partner!.Find("c1")!.Status);
    }

    /// <summary>A plan whose reminder fell due five minutes ago, and the Playground's user as a partner with one commitment.</summary>
    private async Task SeedAsync(string userKey)
    {
        var store = _bot.GetRequiredService<FollowUpStore>();
        var now = DateTimeOffset.UtcNow;
        var target = BangkokTime.ToLocal(now).AddMinutes(-5);
        await store.UpdatePartnerAsync(WorkshopId, userKey, _ => UpdateDecision.Write(new PartnerFollowUp
        {
            WorkshopId = WorkshopId,
            UserKey = userKey,
            PlannedThrough = now.AddHours(-1),
            Commitments = [new FollowUpCommitment { Id = "c1", Action = Action, Organisation = "กองการต่างประเทศ สป.พม.", DueDate = DateOnly.FromDateTime(target.DateTime).AddDays(30) }],
        }), CancellationToken.None);
        await store.UpdatePlanAsync(WorkshopId, _ => UpdateDecision.Write(new FollowUpPlan
        {
            WorkshopId = WorkshopId,
            WorkshopDate = DateOnly.FromDateTime(target.DateTime).AddDays(-1),
            AfterWorkshop = [new FollowUpOffset(1, OffsetUnit.Days)],
            SendAt = TimeOnly.FromDateTime(target.DateTime),
            Version = 1,
        }), CancellationToken.None);
    }
}
