using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Hosting;

/// <summary>
/// The real bot (the host's Program, all features, real storage) on Kestrel at 127.0.0.1 and a free port, so
/// that both tests and the Agents Playground can reach it over HTTP. Disposing it is a process stop: a new
/// <see cref="BotHost"/> over the same storage is a restarted bot.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly Factory _factory;

    private BotHost(Factory factory, int port)
    {
        _factory = factory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        MessagesEndpoint = new Uri(BaseAddress, "api/messages");
    }

    public Uri BaseAddress { get; }

    public Uri MessagesEndpoint { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the bot with <paramref name="settings"/> over its defaults (local mode: no app id).</summary>
    public static Task<BotHost> StartAsync(IReadOnlyDictionary<string, string?> settings, int? port = null)
    {
        var chosen = port ?? FreePort.Next();
        var factory = new Factory(settings);
        factory.UseKestrel(chosen);
        factory.StartServer();
        return Task.FromResult(new BotHost(factory, chosen));
    }

    /// <summary>Settings for the local-disk store in <paramref name="folder"/>.</summary>
    public static Dictionary<string, string?> LocalStore(string folder) => new()
    {
        ["Storage:LocalPath"] = folder,
    };

    /// <summary>Settings for Blob Storage on Azurite, in <paramref name="container"/>.</summary>
    public static Dictionary<string, string?> BlobStore(AzuriteServer azurite, string container) => new()
    {
        ["Storage:ConnectionString"] = azurite.ConnectionString,
        ["Storage:ContainerName"] = container,
    };

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public T GetRequiredService<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Development);
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        }
    }
}
