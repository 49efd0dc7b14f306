using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// Checks recorded send times against Teams' documented limits, independently of the pacer: for a limit of n per
/// period, any n + 1 consecutive sends must span at least the period (so no period-long span holds more than n).
/// </summary>
internal static class RateLimitAudit
{
    public static readonly RateWindow[] ConversationWindows =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>The first violation found, or null: "conversation c3: 8 sends within 1 s ending at …".</summary>
    public static string? FindViolation(string scope, IReadOnlyList<DateTimeOffset> sendTimes, IEnumerable<RateWindow> windows)
    {
        var times = sendTimes.OrderBy(t => t).ToArray();
        foreach (var window in windows)
        {
            for (var i = 0; i + window.Limit < times.Length; i++)
            {
                var span = times[i + window.Limit] - times[i];
                if (span < window.Period)
                {
                    return $"{scope}: {window.Limit + 1} sends within {span} (limit {window.Limit} per {window.Period}), from {times[i]:O}";
                }
            }
        }

        return null;
    }

    /// <summary>The largest number of sends inside any span of <paramref name="period"/>.</summary>
    public static int MaxInAnySpan(IReadOnlyList<DateTimeOffset> sendTimes, TimeSpan period)
    {
        var times = sendTimes.OrderBy(t => t).ToArray();
        var max = 0;
        var start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= period)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }
}
