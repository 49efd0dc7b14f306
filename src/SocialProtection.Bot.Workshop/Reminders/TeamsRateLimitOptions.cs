using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// The bot limits Microsoft documents for Teams ("Reminders:RateLimits";
/// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
/// </summary>
internal sealed class TeamsRateLimitOptions
{
    public const string SectionName = "Reminders:RateLimits";

    /// <summary>Per bot, per conversation (sends and conversation creation): 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour.</summary>
    public IList<RateWindow> PerConversation { get; set; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>
    /// Per app, per tenant, requests per second. The page now says 50; an older version said 30, and other traffic
    /// (replies, card updates) shares the budget, so plan for 30.
    /// </summary>
    public double PerTenantPerSecond { get; set; } = 30;

    /// <summary>
    /// Per app over all tenants together, requests per second: the global limit the page gives (50). Holds for the
    /// whole bot, however many instances run, because only the instance holding the sending lease sends proactively.
    /// </summary>
    public double PerAppPerSecond { get; set; } = 50;

    /// <summary>Added to every window, against clock differences between us and Teams.</summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The pause after a 429 that named no Retry-After; it doubles with each 429 in a row (with jitter).</summary>
    public TimeSpan FirstThrottlePause { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxThrottlePause { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest Retry-After honoured as given; longer ones are capped so a bad header cannot stop reminders for days.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(10);
}
