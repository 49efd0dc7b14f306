using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Hosting;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>The protocol layer's services as AddBotProtocol registers them, without a web host.</summary>
public static class ProtocolServices
{
    /// <summary>Fast retries so tests do not wait for production backoff.</summary>
    public static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Bot:ConnectorRetryAttempts"] = "3",
        ["Bot:ConnectorRetryBaseDelay"] = "00:00:00.010",
        ["Bot:ConnectorAttemptTimeout"] = "00:00:05",
        ["Bot:ConnectorTotalTimeout"] = "00:00:20",
        ["Bot:ConnectorMaxRetryAfter"] = "00:00:05",
    };

    public static ServiceProvider Build(IDictionary<string, string?>? settings = null, IConnectorTokenProvider? tokens = null, LogCapture? logs = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(FastRetries)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        if (tokens is not null)
        {
            services.AddSingleton(tokens);
        }
        services.AddBotProtocol(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
