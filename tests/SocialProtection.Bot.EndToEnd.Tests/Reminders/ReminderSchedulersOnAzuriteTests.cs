using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.EndToEnd.Tests.Reminders;

/// <summary>
/// Two whole bots (the host's Program with its reminder scheduler) over one Azurite container, one of them restarted
/// half-way: each reminder reaches the connector exactly once.
/// </summary>
public sealed class ReminderSchedulersOnAzuriteTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>, IAsyncLifetime
{
    private const string WorkshopId = "followup-e2e";
    private const int Partners = 150;

    private readonly string _container = "reminders" + Guid.NewGuid().ToString("N")[..12];
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Two_instances_and_a_restart_in_the_middle_deliver_every_reminder_exactly_once()
    {
        var settings = Settings();
        await using var second = await BotHost.StartAsync(settings);
        var first = await BotHost.StartAsync(settings);
        try
        {
            await SeedAsync(first);

            // Part-way through, the first bot stops (as in a deployment) and comes back.
            await _connector.WaitForAsync(calls => Sends(calls).Count >= Partners / 3, TimeSpan.FromSeconds(90));
        }
        finally
        {
            await first.DisposeAsync();
        }

        await using var restarted = await BotHost.StartAsync(settings);

        await _connector.WaitForAsync(calls => Sends(calls).Count >= Partners, TimeSpan.FromSeconds(120));
        // Two more poll rounds of both bots: nothing is sent again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var sends = Sends(_connector.Calls);

        Assert.Equal(Partners, sends.Count);
        Assert.Equal(Partners, sends.Select(s => s.ConversationId).Distinct().Count());
        Assert.All(sends, s => Assert.Contains("ทำ A", s.VisibleText, StringComparison.Ordinal));
        var store = restarted.GetRequiredService<IObjectStore>();
        Assert.Empty(await store.ListAsync(ReminderKeys.DuePrefix, CancellationToken.None).ToListAsync());
        var followUps = restarted.GetRequiredService<FollowUpStore>();
        for (var i = 0; i < Partners; i += 37)
        {
            var partner = await followUps.GetPartnerAsync(WorkshopId, UserKey(i), CancellationToken.None);
            Assert.Equal(DeliveryOutcome.Sent, partner!.Find("c1")!.LastReminder!.Outcome);
        }
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = BotHost.BlobStore(azurite, _container);
        settings["Reminders:Schedule:WorkdayStart"] = "00:00";
        settings["Reminders:Schedule:WorkdayEnd"] = "23:59:59";
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        for (var d = 0; d < days.Length; d++)
        {
            settings[$"Reminders:Schedule:WorkingDays:{d}"] = days[d];
        }

        settings["Reminders:Scheduler:PollInterval"] = "00:00:01";
        settings["Reminders:Scheduler:PlanningInterval"] = "00:00:10";
        settings["Reminders:Scheduler:BatchSize"] = "20";
        // Reminders the stopped instance had claimed but not sent are taken over once their claim runs out; with the
        // 2-minute default (renewed while a send waits for the pacer) that can outlast the wait below.
        settings["Reminders:Scheduler:ClaimDuration"] = "00:00:10";
        // Each instance paces itself: two instances share the per-app budget.
        settings["Reminders:RateLimits:PerTenantPerSecond"] = "15";
        return settings;
    }

    private static List<ConnectorCall> Sends(IReadOnlyList<ConnectorCall> calls) =>
        [.. calls.Where(c => c.Method == "POST" && c.ActivityId is null && c.ConversationId.StartsWith("a:followup-", StringComparison.Ordinal))];

    private static string UserKey(int i) => $"followup-{i:000}";

    /// <summary>A plan whose reminder fell due five minutes ago, and partners planned from an hour ago, each with a personal chat.</summary>
    private async Task SeedAsync(BotHost bot)
    {
        var store = bot.GetRequiredService<FollowUpStore>();
        var conversations = bot.GetRequiredService<UserProfileStore>();
        var now = DateTimeOffset.UtcNow;
        var target = BangkokTime.ToLocal(now).AddMinutes(-5);
        for (var i = 0; i < Partners; i++)
        {
            var userKey = UserKey(i);
            await conversations.SaveConversationAsync(userKey, new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = _connector.ServiceUrl.ToString(),
                Bot = new ChannelAccount { Id = "28:bot" },
                User = new ChannelAccount { Id = "29:" + userKey },
                Conversation = new ConversationAccount { Id = "a:" + userKey, ConversationType = "personal", TenantId = "tenant-1" },
                TenantId = "tenant-1",
            }, known: null, CancellationToken.None);
            await store.UpdatePartnerAsync(WorkshopId, userKey, _ => UpdateDecision.Write(new PartnerFollowUp
            {
                WorkshopId = WorkshopId,
                UserKey = userKey,
                TeamsUserId = "29:" + userKey,
                PlannedThrough = now.AddHours(-1),
                Commitments = [new FollowUpCommitment { Id = "c1", Action = "ทำ A " + i, Organisation = "กรม ก", DueDate = new DateOnly(2030, 1, 1) }],
            }), CancellationToken.None);
        }

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
