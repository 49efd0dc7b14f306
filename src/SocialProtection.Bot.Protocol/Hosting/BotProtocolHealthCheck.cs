using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>
/// Readiness of the protocol layer: its settings are valid and a turn handler is registered. Cheap on purpose:
/// whether the channel's key endpoint is reachable says nothing about whether this instance can take traffic.
/// </summary>
public sealed class BotProtocolHealthCheck : IHealthCheck
{
    private readonly IServiceProvider _services;

    public BotProtocolHealthCheck(IServiceProvider services) => _services = services;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        BotProtocolOptions options;
        try
        {
            options = _services.GetRequiredService<IOptions<BotProtocolOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The bot's protocol settings are not valid."));
        }
        var isService = _services.GetService<IServiceProviderIsService>();
        if (isService is not null && !isService.IsService(typeof(IActivityHandler)))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No turn handler is registered."));
        }
        var data = new Dictionary<string, object> { ["mode"] = options.Mode };
        return Task.FromResult(options.IsAuthenticationEnabled
            ? HealthCheckResult.Healthy($"{options.Mode}: channel authentication on ({options.AppType}).", data)
            : HealthCheckResult.Healthy(
                options.AllowUnauthenticated
                    ? $"{options.Mode}: Local mode without an app id, allowed by Bot:AllowUnauthenticated; loopback service URLs only."
                    : $"{options.Mode}: Local mode without an app id, for development on loopback; loopback service URLs only.",
                data));
    }
}
