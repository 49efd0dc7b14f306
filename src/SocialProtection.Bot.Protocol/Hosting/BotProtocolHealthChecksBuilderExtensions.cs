using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialProtection.Bot.Protocol.Hosting;

public static class BotProtocolHealthChecksBuilderExtensions
{
    /// <summary>Adds the protocol layer's readiness check (<see cref="BotProtocolHealthCheck"/>) under <paramref name="name"/>.</summary>
    public static IHealthChecksBuilder AddBotProtocolCheck(this IHealthChecksBuilder builder, string name = "protocol") =>
        builder.AddCheck<BotProtocolHealthCheck>(name, HealthStatus.Unhealthy, ["ready"]);
}
