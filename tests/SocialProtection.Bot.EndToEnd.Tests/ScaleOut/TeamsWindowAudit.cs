using System.Diagnostics;

namespace SocialProtection.Bot.EndToEnd.Tests.ScaleOut;

/// <summary>Checks recorded connector calls against Teams' documented bot limits, on the times the connector received them.</summary>
internal static class TeamsWindowAudit
{
    /// <summary>Per bot, per conversation: 7 per second, 8 per 2 s, 60 per 30 s, 1,800 per hour.</summary>
    public static readonly (int Limit, TimeSpan Period)[] PerConversation =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>The first window exceeded, or null: "tenant t1: 31 calls within 00:00:00.98 (limit 30 per 00:00:01)".</summary>
    public static string? FindViolation(string scope, IEnumerable<long> receivedAt, IEnumerable<(int Limit, TimeSpan Period)> windows)
    {
        var times = receivedAt.Order().ToArray();
        foreach (var (limit, period) in windows)
        {
            for (var i = 0; i + limit < times.Length; i++)
            {
                var span = Stopwatch.GetElapsedTime(times[i], times[i + limit]);
                if (span < period)
                {
                    return $"{scope}: {limit + 1} calls within {span} (limit {limit} per {period})";
                }
            }
        }
        return null;
    }

    /// <summary>The most calls inside any span of <paramref name="period"/>.</summary>
    public static int MaxInAnySpan(IEnumerable<long> receivedAt, TimeSpan period)
    {
        var times = receivedAt.Order().ToArray();
        var best = 0;
        var start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (Stopwatch.GetElapsedTime(times[start], times[end]) >= period)
            {
                start++;
            }
            best = Math.Max(best, end - start + 1);
        }
        return best;
    }
}
