using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class ConnectorThrottleObserverTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_429_on_any_connector_call_pauses_reminder_sends_for_its_Retry_After()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = new TeamsSendPacer(new TeamsRateLimitOptions(), time);
        using var client = new HttpClient(new ConnectorThrottleObserver(pacer, time) { InnerHandler = new Answering(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7)) });

        using var response = await client.PostAsync(new Uri("http://127.0.0.1:9/v3/conversations/x/activities"), null);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(Start.AddSeconds(7), pacer.ThrottledUntil);
    }

    [Fact]
    public async Task Other_answers_leave_the_pacer_alone()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = new TeamsSendPacer(new TeamsRateLimitOptions(), time);
        using var client = new HttpClient(new ConnectorThrottleObserver(pacer, time) { InnerHandler = new Answering(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(7)) });

        using var response = await client.PostAsync(new Uri("http://127.0.0.1:9/v3/conversations/x/activities"), null);

        Assert.Null(pacer.ThrottledUntil);
    }

    private sealed class Answering(HttpStatusCode status, TimeSpan retryAfter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status);
            response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
            return Task.FromResult(response);
        }
    }
}
