using SocialProtection.Bot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// The whole sending path for real: the planner, the scheduler, the proactive messenger and the protocol layer's
/// connector client, over HTTP to a connector on loopback that throttles a share of the calls.
/// </summary>
public sealed class ReminderConnectorTests
{
    private const string WorkshopId = "ws-loopback";

    [Fact]
    public async Task Against_a_connector_that_throttles_every_reminder_arrives_once_and_the_documented_limits_hold()
    {
        await using var connector = await ThrottlingConnector.StartAsync(throttleEvery: 4);
        await using var services = Services();
        var store = services.GetRequiredService<FollowUpStore>();
        var conversations = services.GetRequiredService<UserProfileStore>();
        var now = DateTimeOffset.UtcNow;
        var target = BangkokTime.ToLocal(now).AddMinutes(-5);

        // A plan whose reminder was due five minutes ago, for partners planned from an hour ago.
        await store.UpdatePlanAsync(WorkshopId, _ => UpdateDecision.Write(new FollowUpPlan
        {
            WorkshopId = WorkshopId,
            WorkshopDate = DateOnly.FromDateTime(target.DateTime).AddDays(-1),
            AfterWorkshop = [new FollowUpOffset(1, OffsetUnit.Days)],
            SendAt = TimeOnly.FromDateTime(target.DateTime),
            Version = 1,
        }), CancellationToken.None);
        const int Partners = 40;
        for (var i = 0; i < Partners; i++)
        {
            var userKey = $"partner-{i:00}";
            await store.UpdatePartnerAsync(WorkshopId, userKey, _ => UpdateDecision.Write(new PartnerFollowUp
            {
                WorkshopId = WorkshopId,
                UserKey = userKey,
                PlannedThrough = now.AddHours(-1),
                Commitments = [new FollowUpCommitment { Id = "c1", Action = "ทำ A", Organisation = "กรม ก", DueDate = new DateOnly(2030, 1, 1) }],
            }), CancellationToken.None);
            await conversations.SaveConversationAsync(userKey, new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = connector.ServiceUrl.ToString(),
                Bot = new ChannelAccount { Id = "28:bot" },
                User = new ChannelAccount { Id = "29:" + userKey },
                Conversation = new ConversationAccount { Id = "a:" + userKey, ConversationType = "personal", TenantId = "tenant-1" },
                TenantId = "tenant-1",
            }, known: null, CancellationToken.None);
        }

        var planner = services.GetRequiredService<ReminderPlanner>();
        var scheduler = services.GetRequiredService<ReminderScheduler>();
        await planner.PlanAllAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var passes = new List<SchedulerPass>();
        while (connector.Accepted.Count < Partners && !deadline.IsCancellationRequested)
        {
            passes.Add(await scheduler.ProcessDueAsync(deadline.Token, deadline.Token));
            await Task.Delay(100, CancellationToken.None);
        }

        var objects = services.GetRequiredService<IObjectStore>();
        var firstDue = await objects.ListAsync(ReminderKeys.DuePrefix, CancellationToken.None).FirstOrDefaultAsync();
        var queued = firstDue is null ? null : (await store.ReadAsync<ReminderOccurrence>(firstDue.Key, CancellationToken.None))?.Value;
        Assert.True(connector.Accepted.Count == Partners,
            $"queued {queued}, now {DateTimeOffset.UtcNow:O}; {connector.Accepted.Count} accepted, {connector.Throttled.Count} throttled; passes: {string.Join("; ", passes.TakeLast(5))}");

        await scheduler.ProcessDueAsync(CancellationToken.None, CancellationToken.None);
        var accepted = connector.Accepted;
        Assert.NotEmpty(connector.Throttled);
        Assert.Equal(Partners, accepted.Count);
        Assert.Equal(Partners, accepted.Select(a => a.ConversationId).Distinct().Count());
        // Measured where Teams would measure it: documented per-conversation windows and 50 per second per tenant.
        var times = accepted.Select(a => DateTimeOffset.UnixEpoch + a.At).ToList();
        Assert.Null(RateLimitAudit.FindViolation("tenant", times, [new RateWindow(50, TimeSpan.FromSeconds(1))]));
        // Nothing was accepted inside a Retry-After pause once the bot had heard of it (slack for sends already under way).
        var slack = TimeSpan.FromMilliseconds(300);
        foreach (var throttled in connector.Throttled)
        {
            Assert.DoesNotContain(accepted, a => a.At > throttled + slack && a.At < throttled + TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(50));
        }

        var finished = await store.GetPartnerAsync(WorkshopId, "partner-00", CancellationToken.None);
        Assert.Equal(DeliveryOutcome.Sent, finished!.Find("c1")!.LastReminder!.Outcome);
    }

    private static ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // A Retry-After longer than this is handed to the caller: the reminder path handles 429 itself (the pacer
            // pauses every send, then the send is tried again); the connector client's own retries would bypass the pacer.
            ["Bot:ConnectorMaxRetryAfter"] = "00:00:00",
            ["Reminders:Schedule:WorkdayStart"] = "00:00",
            ["Reminders:Schedule:WorkdayEnd"] = "23:59:59",
            ["Reminders:Schedule:WorkingDays:0"] = "Monday",
            ["Reminders:Schedule:WorkingDays:1"] = "Tuesday",
            ["Reminders:Schedule:WorkingDays:2"] = "Wednesday",
            ["Reminders:Schedule:WorkingDays:3"] = "Thursday",
            ["Reminders:Schedule:WorkingDays:4"] = "Friday",
            ["Reminders:Schedule:WorkingDays:5"] = "Saturday",
            ["Reminders:Schedule:WorkingDays:6"] = "Sunday",
            ["Reminders:Scheduler:InstanceId"] = "loopback",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBotProtocol(configuration);
        services.AddSingleton<IObjectStore>(new InMemoryObjectStore());
        services.AddWorkshopBot(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
