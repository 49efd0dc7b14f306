using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, with only the configuration a test gives it.</summary>
public sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LocalServer> StartAsync(Action<WebApplicationBuilder>? configureBuilder, Action<WebApplication> configureApp)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Nothing from the machine (environment variables, appsettings) may leak into a test.
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        configureBuilder?.Invoke(builder);
        var app = builder.Build();
        configureApp(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
