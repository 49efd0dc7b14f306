using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Metrics;
using SocialProtection.Bot.Protocol.Diagnostics;

namespace SocialProtection.Bot.Host.Hosting;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The Application Insights connection string (App Service sets it when Application Insights is enabled).</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Exports the bot's meter (and ASP.NET Core's own metrics) to Azure Monitor with the OpenTelemetry distro when
    /// <see cref="ConnectionStringKey"/> is configured; otherwise registers nothing, so no pipeline runs and nothing
    /// leaves the machine. Locally, <c>dotnet-counters</c> reads the meter without any of this (docs/operations.md).
    /// </summary>
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .UseAzureMonitor(options => options.ConnectionString = connectionString)
            .WithMetrics(metrics => metrics.AddMeter(ProtocolMetrics.MeterName));
        return services;
    }
}
