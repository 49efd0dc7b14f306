using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>
/// Local mode (no app id: nobody proves who is calling) never runs by accident: outside Development, or listening
/// where other machines can reach it, the host refuses to start unless Bot:AllowUnauthenticated=true says it is meant.
/// </summary>
public sealed class LocalModeGuardTests
{
    private const string AppId = "3b2e5c1a-7d4f-4e8a-9b6c-1f0e2d3c4b5a";

    private static readonly Dictionary<string, string?> AllowUnauthenticated = new() { ["Bot:AllowUnauthenticated"] = "true" };

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Without_an_app_id_the_host_refuses_to_start_outside_Development(string environment)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestBot.StartAsync(new RecordingHandler(), environment: environment));

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:AllowUnauthenticated=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_id_the_host_refuses_to_start_on_an_address_other_machines_can_reach_even_in_Development()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestBot.StartAsync(new RecordingHandler(), listenOn: IPAddress.Any));

        Assert.Contains("0.0.0.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refused_host_leaves_nothing_listening()
    {
        var logs = new LogCapture();
        await Assert.ThrowsAsync<InvalidOperationException>(() => TestBot.StartAsync(new RecordingHandler(), listenOn: IPAddress.Any, logs: logs));

        var refusal = Assert.Single(logs.Lines, line => line.EventId.Id == 1016);
        Assert.Equal(LogLevel.Critical, refusal.Level);
        var port = int.Parse(refusal.Message[(refusal.Message.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{port}/api/messages")));
    }

    [Fact]
    public async Task With_Bot_AllowUnauthenticated_it_starts_in_Production_on_any_address_and_warns_loudly_at_every_start()
    {
        var logs = new LogCapture();
        for (var start = 0; start < 2; start++)
        {
            var handler = new RecordingHandler();
            await using var bot = await TestBot.StartAsync(handler, AllowUnauthenticated, environment: "Production", listenOn: IPAddress.Any, logs: logs);

            using var response = await bot.PostAsync(TeamsActivities.PersonalMessage("http://127.0.0.1:1/", "hi").ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single(handler.Turns);
        }

        var warnings = logs.Lines.Where(line => line.EventId.Id == 1014).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, warning =>
        {
            Assert.Equal(LogLevel.Critical, warning.Level);
            Assert.Contains("UNAUTHENTICATED", warning.Message, StringComparison.Ordinal);
            Assert.Contains("0.0.0.0", warning.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task In_Development_on_loopback_local_mode_starts_without_the_flag_and_says_so()
    {
        var logs = new LogCapture();
        var handler = new RecordingHandler();
        await using var bot = await TestBot.StartAsync(handler, logs: logs);

        using var response = await bot.PostAsync(TeamsActivities.PersonalMessage("http://127.0.0.1:1/", "hi").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(logs.Lines, line => line.EventId.Id == 1001 && line.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs.Lines, line => line.EventId.Id == 1014);
    }

    [Fact]
    public async Task With_an_app_id_the_host_starts_in_Production_on_any_address()
    {
        var logs = new LogCapture();
        await using var bot = await TestBot.StartAsync(
            new RecordingHandler(),
            new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" },
            environment: "Production",
            listenOn: IPAddress.Any,
            logs: logs);

        using var unauthenticated = await bot.PostAsync(TeamsActivities.PersonalMessage("http://127.0.0.1:1/", "hi").ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Contains(logs.Lines, line => line.EventId.Id == 1013);
    }

    [Fact]
    public void The_flag_together_with_an_app_id_is_a_contradiction_refused_at_start() =>
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
        {
            using var services = ProtocolServices.Build(new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "secret",
                ["Bot:AllowUnauthenticated"] = "true",
            });
            _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotProtocolOptions>>().Value;
        });

    [Fact]
    public async Task Until_the_guard_has_admitted_local_mode_the_endpoint_handles_nothing()
    {
        // No host has started here, so the guard has not looked at the addresses yet.
        await using var services = ProtocolServices.Build();
        var endpoint = services.GetRequiredService<BotMessagesEndpoint>();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(TeamsActivities.PersonalMessage("http://127.0.0.1:1/", "hi").ToJsonString()));
        context.Response.Body = new MemoryStream();

        await endpoint.HandleAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("authenticated", "MicrosoftAppId=" + AppId + ";MicrosoftAppPassword=secret")]
    [InlineData("local (unauthenticated)", "")]
    [InlineData("local (unauthenticated)", "Bot:AllowUnauthenticated=true")]
    public async Task The_readiness_check_reports_the_mode(string mode, string pairs)
    {
        var settings = pairs.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging().AddBotProtocol(configuration);
        collection.AddSingleton<Turns.IActivityHandler>(new RecordingHandler());
        await using var services = collection.BuildServiceProvider();

        var result = await new BotProtocolHealthCheck(services).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("protocol", _ => null!, HealthStatus.Unhealthy, null),
        });

        Assert.Equal(mode, result.Data["mode"]);
        Assert.StartsWith(mode, result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://127.1.2.3:3978", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://[::1]:5001", true)]
    [InlineData("http://unix:/tmp/bot.sock", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://10.0.0.4:80", false)]
    [InlineData("http://bot.example.org:80", false)]
    public void Only_addresses_this_machine_alone_can_reach_count_as_loopback(string address, bool loopback) =>
        Assert.Equal(loopback, LocalModeGuard.IsLoopbackAddress(address));
}
