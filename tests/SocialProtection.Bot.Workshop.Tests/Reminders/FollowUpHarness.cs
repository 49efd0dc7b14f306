using SocialProtection.Bot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// The follow-up machinery over one store and one fake clock: planner, scheduler instances, a recording delivery,
/// and a driver that moves the clock on while passes run (sends wait on the pacer, which waits on the clock).
/// </summary>
internal sealed class FollowUpHarness
{
    public FollowUpHarness(DateTimeOffset start, IObjectStore? store = null, ReminderScheduleOptions? schedule = null, ReminderSchedulerOptions? scheduler = null, TeamsRateLimitOptions? limits = null)
    {
        Time = new FakeTimeProvider(start);
        Objects = store ?? new InMemoryObjectStore();
        Store = new FollowUpStore(Objects);
        Calculator = new ReminderScheduleCalculator(schedule ?? new ReminderScheduleOptions(), Time);
        SchedulerOptions = scheduler ?? new ReminderSchedulerOptions
        {
            PollInterval = TimeSpan.FromMinutes(1),
            PlanningInterval = TimeSpan.FromHours(1),
            ClaimDuration = TimeSpan.FromMinutes(2),
            FirstRetryDelay = TimeSpan.FromMinutes(1),
            MaxRetryDelay = TimeSpan.FromMinutes(30),
        };
        Pacer = new TeamsSendPacer(limits ?? new TeamsRateLimitOptions(), Time, new Random(1));
        Delivery = new RecordingDelivery(Time);
        Planner = new ReminderPlanner(Store, Calculator, Options.Create(SchedulerOptions), NullLogger<ReminderPlanner>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public IObjectStore Objects { get; }

    public FollowUpStore Store { get; }

    public ReminderScheduleCalculator Calculator { get; }

    public ReminderSchedulerOptions SchedulerOptions { get; }

    public TeamsSendPacer Pacer { get; }

    public RecordingDelivery Delivery { get; }

    public ReminderPlanner Planner { get; }

    public ReminderScheduler NewScheduler(string instanceId, IReminderDelivery? delivery = null)
    {
        var options = new ReminderSchedulerOptions
        {
            InstanceId = instanceId,
            PollInterval = SchedulerOptions.PollInterval,
            PlanningInterval = SchedulerOptions.PlanningInterval,
            ClaimDuration = SchedulerOptions.ClaimDuration,
            FirstRetryDelay = SchedulerOptions.FirstRetryDelay,
            MaxRetryDelay = SchedulerOptions.MaxRetryDelay,
            MaxAttempts = SchedulerOptions.MaxAttempts,
            MaxThrottledRetries = SchedulerOptions.MaxThrottledRetries,
            BatchSize = SchedulerOptions.BatchSize,
            MaxConcurrentSends = SchedulerOptions.MaxConcurrentSends,
        };
        return new ReminderScheduler(Store, Planner, delivery ?? Delivery, Pacer, Calculator, Options.Create(options), NullLogger<ReminderScheduler>.Instance);
    }

    public async Task SavePlanAsync(FollowUpPlan plan) =>
        await Store.UpdatePlanAsync(plan.WorkshopId, _ => UpdateDecision.Write(plan), CancellationToken.None);

    /// <summary>Stores a partner as the dialog sync would: planned from now on.</summary>
    public async Task SavePartnerAsync(PartnerFollowUp partner) =>
        await Store.UpdatePartnerAsync(partner.WorkshopId, partner.UserKey,
            _ => UpdateDecision.Write(partner with { PlannedThrough = Time.GetUtcNow(), CreatedAt = Time.GetUtcNow() }), CancellationToken.None);

    /// <summary>
    /// Runs the bot from now until <paramref name="until"/>: the clock moves by <paramref name="step"/>, the planner
    /// runs every planning interval and every scheduler makes passes until its queue has nothing more due.
    /// </summary>
    public async Task RunUntilAsync(DateTimeOffset until, TimeSpan step, params ReminderScheduler[] schedulers)
    {
        var nextPlanning = Time.GetUtcNow();
        while (Time.GetUtcNow() < until)
        {
            if (Time.GetUtcNow() >= nextPlanning)
            {
                await Planner.PlanAllAsync(CancellationToken.None);
                nextPlanning = Time.GetUtcNow() + SchedulerOptions.PlanningInterval;
            }

            await PassAsync(schedulers);
            var next = Time.GetUtcNow() + step;
            Time.SetUtcNow(next < until ? next : until);
        }

        await PassAsync(schedulers);
    }

    /// <summary>Passes of every scheduler at once, the clock ticking in small steps while any waits on the pacer.</summary>
    public async Task PassAsync(params ReminderScheduler[] schedulers)
    {
        while (true)
        {
            var passes = schedulers.Select(s => s.ProcessDueAsync(CancellationToken.None, CancellationToken.None)).ToArray();
            var all = Task.WhenAll(passes);
            // The clock only moves while a pass is stuck, i.e. waiting on the pacer: to the end of a 429 pause, else
            // by a little more than the pacer's per-tenant spacing.
            while (await Task.WhenAny(all, Task.Delay(2)) != all)
            {
                if (Pacer.ThrottledUntil is { } until)
                {
                    Time.SetUtcNow(until);
                }
                else
                {
                    Time.Advance(TimeSpan.FromMilliseconds(35));
                }
            }

            if (!(await all).Any(p => p.Full))
            {
                return;
            }
        }
    }
}
