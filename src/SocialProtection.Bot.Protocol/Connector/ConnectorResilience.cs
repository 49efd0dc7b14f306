using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;
using SocialProtection.Bot.Protocol.Hosting;

namespace SocialProtection.Bot.Protocol.Connector;

/// <summary>
/// The connector's retry pipeline: a total time budget around retries (429, 412, 408 and 5xx other than 501/505,
/// attempt timeouts and network errors) with jittered exponential backoff, waiting what Retry-After asks when the
/// connector says, and one timeout per attempt. Other 4xx answers are final.
/// </summary>
internal static class ConnectorResilience
{
    public const string PipelineName = "connector";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, BotProtocolOptions options)
    {
        builder.AddTimeout(options.ConnectorTotalTimeout);
        // Bot:ConnectorRetryAttempts = 0 means no retries; Polly's retry strategy itself needs at least one.
        if (options.ConnectorRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ConnectorRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ConnectorRetryBaseDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.ConnectorMaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
            });
        }
        builder.AddTimeout(options.ConnectorAttemptTimeout);
    }

    public static bool IsTransient(HttpStatusCode status) => (int)status switch
    {
        408 or 412 or 429 => true,
        501 or 505 => false,
        >= 500 and < 600 => true,
        _ => false,
    };

    /// <summary>The wait the connector asked for, from a delta or a date Retry-After header.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        // A wait longer than we are willing to hold a turn for is handed to the caller instead (ConnectorException.RetryAfter).
        { Result: { } response } => IsTransient(response.StatusCode) && !(RetryAfter(response) > maxRetryAfter),
        _ => false,
    };
}
