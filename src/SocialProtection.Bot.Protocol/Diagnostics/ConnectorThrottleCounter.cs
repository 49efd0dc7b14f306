using System.Net;

namespace SocialProtection.Bot.Protocol.Diagnostics;

/// <summary>Counts every 429 the Bot Connector answers, inside the retry pipeline so that each attempt counts.</summary>
internal sealed class ConnectorThrottleCounter(ProtocolMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            metrics.Throttled();
        }
        return response;
    }
}
