using System.Net;
using System.Text.Json;
using SocialProtection.Bot.EndToEnd.Tests.Faults;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Hosting;

/// <summary>
/// The built host as App Service runs it (<c>dotnet SocialProtection.Bot.Host.dll</c>): without an app id it starts
/// only in Development on loopback, or when Bot:AllowUnauthenticated=true says so, and /healthz tells which mode runs.
/// </summary>
public sealed class LocalModeStartTests : IDisposable
{
    private const string AppId = "3b2e5c1a-7d4f-4e8a-9b6c-1f0e2d3c4b5a";
    private readonly string _storeFolder = Directory.CreateTempSubdirectory("local-mode-").FullName;

    public void Dispose() => Directory.Delete(_storeFolder, recursive: true);

    private Dictionary<string, string> Settings(params (string Name, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Storage__LocalPath"] = _storeFolder };
        foreach (var (name, value) in more)
        {
            settings[name] = value;
        }
        return settings;
    }

    [Fact]
    public async Task Without_an_app_id_in_Production_the_bot_refuses_to_start_and_says_why()
    {
        var error = await BotProcess.StartExpectingRefusalAsync(FreePort.Next(), Settings(("ASPNETCORE_ENVIRONMENT", "Production")));

        Assert.Contains("Refusing to start", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:AllowUnauthenticated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_id_the_bot_refuses_to_listen_on_all_addresses_even_in_Development()
    {
        var port = FreePort.Next();
        // Kestrel's endpoint settings win over --urls, as an operator's configuration would.
        var error = await BotProcess.StartExpectingRefusalAsync(port, Settings(("Kestrel__Endpoints__Http__Url", $"http://0.0.0.0:{port}")));

        Assert.Contains("Refusing to start", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_AllowUnauthenticated_a_Production_bot_starts_warns_loudly_and_healthz_reports_local_mode()
    {
        await using var bot = await BotProcess.StartAsync(FreePort.Next(), Settings(("ASPNETCORE_ENVIRONMENT", "Production"), ("Bot__AllowUnauthenticated", "true")));

        using var http = bot.CreateClient();
        Assert.Equal("local (unauthenticated)", await ModeAsync(http));
        Assert.Contains("UNAUTHENTICATED", bot.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_on_loopback_the_bot_starts_without_the_flag_and_healthz_reports_local_mode()
    {
        await using var bot = await BotProcess.StartAsync(FreePort.Next(), Settings());

        using var http = bot.CreateClient();
        Assert.Equal("local (unauthenticated)", await ModeAsync(http));
        Assert.DoesNotContain("UNAUTHENTICATED", bot.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_id_healthz_reports_authenticated_and_an_unauthenticated_message_gets_401()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>(BotHost.LocalStore(_storeFolder))
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        using var http = bot.CreateClient();

        Assert.Equal("authenticated", await ModeAsync(http));
        using var content = new StringContent("""{"type":"message","text":"hi","conversation":{"id":"a:1"},"from":{"id":"29:1"},"serviceUrl":"http://127.0.0.1:1/"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string?> ModeAsync(HttpClient http)
    {
        using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("mode").GetString();
    }
}
