using System.ComponentModel.DataAnnotations;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>How the durable scheduler works ("Reminders:Scheduler").</summary>
internal sealed class ReminderSchedulerOptions
{
    public const string SectionName = "Reminders:Scheduler";

    /// <summary>Off: this instance neither plans nor sends (another instance does).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Names this instance in its claims; empty for the machine name plus a random suffix.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How long the scheduler sleeps when the queue had nothing more to send.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often every workshop's partners are re-planned (new commitments, the next days' reminders).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan PlanningInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Reminders are queued this far ahead.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "14.00:00:00")]
    public TimeSpan PlanningHorizon { get; set; } = TimeSpan.FromDays(2);

    /// <summary>After downtime, reminders missed by at most this long still go out (late); older ones are dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Queue entries read per pass, at most.</summary>
    [Range(1, 100_000)]
    public int MaxScanPerPass { get; set; } = 2000;

    /// <summary>Reminders claimed per pass, at most.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Sends in flight at once from this instance; the pacer keeps them within Teams' limits.</summary>
    [Range(1, 256)]
    public int MaxConcurrentSends { get; set; } = 16;

    /// <summary>How long a claim keeps other instances off a reminder; renewed while a send waits for the pacer.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Tries before a reminder is recorded as failed (each claim counts one).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>429 answers one claim rides out (honouring Retry-After) before it hands the reminder back to the queue.</summary>
    [Range(0, 100)]
    public int MaxThrottledRetries { get; set; } = 10;

    /// <summary>The first wait after a failed send; it doubles with each try (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>On shutdown, sends already under way get this long to finish (so a deploy does not leave them in doubt).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The sending lease (<see cref="SenderLeadership"/>): only the instance holding it sends proactively (reminders,
    /// summary postings, remind-unfinished), so Teams' limits hold however many instances run. It is renewed every
    /// third of this; an instance that dies without handing it back is replaced this long after its last renewal.
    /// Blob Storage allows 15–60 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:01:00")]
    public TimeSpan SenderLeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an instance without the sending lease tries to take it (a handed-back lease is taken within this).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SenderLeaseRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the lease holder looks in the store for summary postings and remind-unfinished batches queued on other instances.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SenderPollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Finished reminders are remembered this long after they were due, so no planner queues them again.</summary>
    public TimeSpan FinishedRetention { get; set; } = TimeSpan.FromDays(10);
}
