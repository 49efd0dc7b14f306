using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Benchmarks;

/// <summary>
/// Fan-out of one reminder to each of 10,000 partners through the whole path: planner and durable queue on the
/// local-disk store, scheduler, pacer, proactive messenger and the protocol layer's connector client over HTTP, to a
/// loopback connector that enforces Teams' documented limits (429 beyond them). One measured run per setting (a run
/// takes minutes by design: the limit is the point). After each run the achieved send rate, the 429 count and the
/// busiest second are printed ("FANOUT …") next to the configured per-tenant rate.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ReminderFanOutBenchmarks
{
    private const string WorkshopId = "fanout";

    private string _folder = null!;
    private ReminderFanOutConnector _connector = null!;
    private ServiceProvider _services = null!;

    [Params(10_000)]
    public int Partners { get; set; }

    /// <summary>The pacer's per-tenant rate: 30 (the default, planning for the older documented figure) and 50 (the current one).</summary>
    [Params(30, 50)]
    public int PerTenantPerSecond { get; set; }

    [IterationSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "Reminder fan-out")]
    public void FanOut() => FanOutAsync().GetAwaiter().GetResult();

    [IterationCleanup]
    public void Cleanup()
    {
        var accepted = _connector.Accepted.Order().ToList();
        var seconds = (accepted[^1] - accepted[0]).TotalSeconds;
        var busiest = 0;
        for (int start = 0, end = 0; end < accepted.Count; end++)
        {
            while (accepted[end] - accepted[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            busiest = Math.Max(busiest, end - start + 1);
        }

        Console.WriteLine(FormattableString.Invariant(
            $"FANOUT partners={Partners} pacerLimit={PerTenantPerSecond}/s delivered={accepted.Count} achieved={(accepted.Count - 1) / seconds:F2}/s ({100 * (accepted.Count - 1) / seconds / PerTenantPerSecond:F1} % of the limit) busiestSecond={busiest} throttled429={_connector.Throttled}"));
        _services.Dispose();
        _connector.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task FanOutAsync()
    {
        var planner = _services.GetRequiredService<ReminderPlanner>();
        var scheduler = _services.GetRequiredService<ReminderScheduler>();
        await planner.PlanAllAsync(CancellationToken.None);
        while (_connector.Accepted.Count < Partners)
        {
            var pass = await scheduler.ProcessDueAsync(CancellationToken.None, CancellationToken.None);
            if (!pass.Full)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "fanout-" + Guid.NewGuid().ToString("N"));
        _connector = await ReminderFanOutConnector.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // 429s go back to the reminder path (the pacer pauses every send) instead of the connector client's own retries.
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
            ["Reminders:Scheduler:InstanceId"] = "bench",
            ["Reminders:Scheduler:MaxConcurrentSends"] = "32",
            ["Reminders:RateLimits:PerTenantPerSecond"] = PerTenantPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotProtocol(configuration);
        services.AddSingleton<IObjectStore>(new FileObjectStore(_folder));
        services.AddWorkshopBot(configuration);
        _services = services.BuildServiceProvider();

        var store = _services.GetRequiredService<FollowUpStore>();
        var conversations = _services.GetRequiredService<UserProfileStore>();
        var now = DateTimeOffset.UtcNow;
        var target = BangkokTime.ToLocal(now).AddMinutes(-5);
        await Parallel.ForEachAsync(Enumerable.Range(0, Partners), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            var userKey = "partner-" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
            await conversations.SaveConversationAsync(userKey, new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = _connector.ServiceUrl.ToString(),
                Bot = new ChannelAccount { Id = "28:bot" },
                User = new ChannelAccount { Id = "29:" + userKey },
                Conversation = new ConversationAccount { Id = "a:" + userKey, ConversationType = "personal", TenantId = "tenant-1" },
                TenantId = "tenant-1",
            }, known: null, token);
            await store.UpdatePartnerAsync(WorkshopId, userKey, _ => UpdateDecision.Write(new PartnerFollowUp
            {
                WorkshopId = WorkshopId,
                UserKey = userKey,
                PlannedThrough = now.AddHours(-1),
                Commitments = [new FollowUpCommitment { Id = "c1", Action = "จัดประชุมภาคีเครือข่าย", Organisation = "กรม ก", DueDate = new DateOnly(2030, 1, 1) }],
            }), token);
        });
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
