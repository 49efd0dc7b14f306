using System.Net;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// Sits inside the connector client's retry pipeline and tells the pacer about every 429 Teams answers, whichever
/// feature's call drew it, so reminder fan-out pauses for everyone's sake (the "throttled until" Microsoft's own
/// bulk sender uses).
/// </summary>
internal sealed class ConnectorThrottleObserver(TeamsSendPacer pacer, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var header = response.Headers.RetryAfter;
            var retryAfter = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
            pacer.OnThrottled(retryAfter > TimeSpan.Zero ? retryAfter : null);
        }

        return response;
    }
}
