using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>
/// Keeps local mode (no <c>MicrosoftAppId</c>: anyone who reaches /api/messages may say who they are) from running
/// by accident. Without an app id the host starts only in the Development environment and listening on loopback
/// addresses alone, or with <c>Bot:AllowUnauthenticated=true</c>, which is logged loudly at every start. The
/// environment is checked before the server binds; the addresses once it has (only then are they known: URLs,
/// ports, Kestrel endpoints and code all decide them), and until then <see cref="LocalModeGate"/> keeps
/// /api/messages shut.
/// </summary>
internal sealed partial class LocalModeGuard(
    IOptions<BotProtocolOptions> options,
    LocalModeGate gate,
    IServiceProvider services,
    ILogger<LocalModeGuard> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsAuthenticationEnabled || settings.AllowUnauthenticated)
        {
            return Task.CompletedTask;
        }
        var environment = services.GetService<IHostEnvironment>();
        if (environment is null || !environment.IsDevelopment())
        {
            var name = environment?.EnvironmentName ?? "unknown";
            LogRefusedEnvironment(logger, name);
            throw new InvalidOperationException(
                $"No MicrosoftAppId is configured and the environment is {name}: the bot would accept unauthenticated requests. " +
                "Set MicrosoftAppId (and its credential), or, only if that is really meant, Bot:AllowUnauthenticated=true. " +
                "Local mode without the flag runs only in the Development environment on loopback addresses.");
        }
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsAuthenticationEnabled)
        {
            LogAuthenticated(logger, settings.AppType);
            gate.Open();
            return Task.CompletedTask;
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var remote = addresses.Where(address => !IsLoopbackAddress(address)).ToList();
        if (settings.AllowUnauthenticated)
        {
            LogUnauthenticatedAllowed(logger, remote.Count > 0 ? string.Join(", ", remote) : "loopback only");
        }
        else if (remote.Count > 0)
        {
            LogRefusedAddresses(logger, string.Join(", ", remote));
            throw new InvalidOperationException(
                $"No MicrosoftAppId is configured and the bot listens on {string.Join(", ", remote)}, which other machines can reach: " +
                "anyone there could speak as any Teams user. Listen on 127.0.0.1/localhost only, set MicrosoftAppId, or, only if that " +
                "is really meant, Bot:AllowUnauthenticated=true.");
        }
        else
        {
            ProtocolLog.LocalModeWarning(logger);
        }
        gate.Open();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// True for a server address only this machine can reach: <c>localhost</c>, a loopback IP literal, a Unix socket
    /// or a named pipe. Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and other names are not.
    /// </summary>
    internal static bool IsLoopbackAddress(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }
        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return true;
        }
        if (string.Equals(binding.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!IPAddress.TryParse(binding.Host.Trim('[', ']'), out var ip))
        {
            return false;
        }
        return IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip);
    }

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Channel authentication is on ({AppType}): every request to /api/messages needs a valid token")]
    private static partial void LogAuthenticated(ILogger logger, BotAppType appType);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Critical,
        Message = "UNAUTHENTICATED: no MicrosoftAppId is configured and Bot:AllowUnauthenticated=true. /api/messages accepts requests from anyone who can reach it (listening: {Addresses}), and any caller can pose as any Teams user, facilitators included. Never run this with real participants' data; set MicrosoftAppId instead.")]
    private static partial void LogUnauthenticatedAllowed(ILogger logger, string addresses);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Critical, Message = "Refusing to start: no MicrosoftAppId is configured and the environment is {Environment} (local mode runs only in Development; set MicrosoftAppId, or Bot:AllowUnauthenticated=true if this is really meant)")]
    private static partial void LogRefusedEnvironment(ILogger logger, string environment);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Critical, Message = "Refusing to start: no MicrosoftAppId is configured and the bot listens on addresses other machines can reach: {Addresses}")]
    private static partial void LogRefusedAddresses(ILogger logger, string addresses);
}
