using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Protocol.Diagnostics;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Diagnostics;

namespace SocialProtection.Bot.EndToEnd.Tests.Diagnostics;

/// <summary>
/// Issue 16, item 4: what an operator sees on the SocialProtection.Bot meter, recorded by the real host over Blob
/// Storage (Azurite) while people talk to it through /api/messages.
/// </summary>
public sealed class TurnMetricsOverHttpTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task A_participant_turn_records_every_phase_and_counts_the_turn()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(BotHost.BlobStore(azurite, "metrics" + Guid.NewGuid().ToString("N")[..12]));
        var meters = bot.GetRequiredService<IMeterFactory>();
        using var turn = Collector(meters, ProtocolMetrics.TurnDuration);
        using var receive = Collector(meters, ProtocolMetrics.TurnReceiveDuration);
        using var send = Collector(meters, ProtocolMetrics.ConnectorDuration);
        using var queue = Collector(meters, StorageMetrics.QueueDuration);
        using var read = Collector(meters, StorageMetrics.ReadDuration);
        using var write = Collector(meters, StorageMetrics.WriteDuration);
        using var render = Collector(meters, WorkshopMetrics.CardRenderDuration);
        using var turns = new MetricCollector<long>(meters, ProtocolMetrics.MeterName, ProtocolMetrics.Turns);
        using var http = bot.CreateClient();

        var participant = new LessonParticipant(new TeamsUser(http, connector.ServiceUrl, "นภา ศรีสุข"), connector);
        await participant.SayAndWaitForCardAsync("เริ่ม");

        var completed = turns.GetMeasurementSnapshot().Where(m => (string?)m.Tags["turn.outcome"] == TurnOutcome.Completed).ToList();
        Assert.Contains(completed, m => (string?)m.Tags["activity.type"] == "message");
        Assert.Contains(turn.GetMeasurementSnapshot(), m => (string?)m.Tags["activity.type"] == "message" && m.Value > 0);
        Assert.NotEmpty(receive.GetMeasurementSnapshot());
        Assert.Contains(send.GetMeasurementSnapshot(), m => (string?)m.Tags["connector.operation"] is "send" or "reply" && (string?)m.Tags["connector.outcome"] == "success");
        Assert.NotEmpty(queue.GetMeasurementSnapshot());
        Assert.Contains(read.GetMeasurementSnapshot(), m => m.Tags.ContainsKey("storage.result"));
        Assert.Contains(write.GetMeasurementSnapshot(), m => (string?)m.Tags["storage.result"] == "written");
        Assert.NotEmpty(render.GetMeasurementSnapshot());
        // No personal data in any tag: only the fixed words.
        Assert.DoesNotContain(completed.SelectMany(m => m.Tags.Values), v => (v as string ?? "").Contains(participant.User.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connector_429_and_a_storage_outage_move_their_counters()
    {
        // A connector that always answers 429 (with a short Retry-After), and storage nobody listens on.
        await using var throttling = await ThrottlingConnectorAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};BlobEndpoint=http://127.0.0.1:{FreePort.Next()}/devstoreaccount1;",
            ["Storage:ContainerName"] = "nowhere",
        };
        await using var bot = await BotHost.StartAsync(settings);
        var meters = bot.GetRequiredService<IMeterFactory>();
        using var throttled = new MetricCollector<long>(meters, ProtocolMetrics.MeterName, ProtocolMetrics.ConnectorThrottled);
        using var unavailable = new MetricCollector<long>(meters, StorageMetrics.MeterName, StorageMetrics.Unavailable);
        using var refusals = new MetricCollector<long>(meters, WorkshopMetrics.MeterName, WorkshopMetrics.StorageRefusals);
        using var http = bot.CreateClient();

        var user = new TeamsUser(http, throttling.ServiceUrl, "ดวงใจ มีสุข");
        await user.SendAsync("เริ่ม");

        Assert.NotEmpty(unavailable.GetMeasurementSnapshot());
        Assert.Contains(refusals.GetMeasurementSnapshot(), m => (string?)m.Tags["refusal.reason"] == "storage_unavailable");
        // The "try again later" reply met 429s: each answer counted, retries included.
        Assert.True(throttled.GetMeasurementSnapshot().Sum(m => m.Value) >= 1);
    }

    private static MetricCollector<double> Collector(IMeterFactory meters, string instrument) =>
        new(meters, ProtocolMetrics.MeterName, instrument);

    private static async Task<ThrottlingStub> ThrottlingConnectorAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapFallback((HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "0";
            return Results.StatusCode((int)HttpStatusCode.TooManyRequests);
        });
        await app.StartAsync();
        return new ThrottlingStub(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    private sealed class ThrottlingStub(WebApplication app, Uri serviceUrl) : IAsyncDisposable
    {
        public Uri ServiceUrl { get; } = serviceUrl;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
