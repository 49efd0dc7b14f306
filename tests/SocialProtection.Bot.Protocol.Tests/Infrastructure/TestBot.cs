using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>The protocol layer hosted as the web host hosts it (AddBotProtocol + MapBotMessages) on real Kestrel.</summary>
public sealed class TestBot : IAsyncDisposable
{
    private readonly LocalServer _server;

    private TestBot(LocalServer server, LogCapture logs)
    {
        _server = server;
        Logs = logs;
        Client = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public HttpClient Client { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _server.Services;

    public static async Task<TestBot> StartAsync(
        IActivityHandler handler,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string environment = "Development",
        IPAddress? listenOn = null,
        LogCapture? logs = null)
    {
        logs ??= new LogCapture();
        var server = await LocalServer.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
                builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
                services?.Invoke(builder.Services);
                builder.Services.AddBotProtocol(builder.Configuration);
                builder.Services.AddSingleton(handler);
            },
            app => app.MapBotMessages(),
            environment,
            listenOn);
        return new TestBot(server, logs);
    }

    public Task<HttpResponseMessage> PostAsync(string json, string? bearer = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
