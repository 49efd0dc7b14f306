using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Authentication;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Diagnostics;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Hosting;

public static class BotProtocolServiceCollectionExtensions
{
    private static readonly string[] FlatKeys =
    [
        nameof(BotProtocolOptions.MicrosoftAppId),
        nameof(BotProtocolOptions.MicrosoftAppPassword),
        nameof(BotProtocolOptions.MicrosoftAppTenantId),
        nameof(BotProtocolOptions.MicrosoftAppType),
        nameof(BotProtocolOptions.MicrosoftAppCertificateThumbprint),
    ];

    /// <summary>
    /// Registers the protocol layer: options (flat Bot Framework keys and the "Bot" section, validated at start),
    /// the guard that keeps local mode out of production (<see cref="LocalModeGuard"/>), channel authentication, the connector client with its retry pipeline, outbound tokens and proactive
    /// messaging. The host registers the <see cref="IActivityHandler"/> (and optionally an <see cref="ITurnErrorHandler"/>).
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(BotProtocolOptions.SectionName);
        services.AddOptions<BotProtocolOptions>()
            .Bind(section)
            .Configure(options => BindFlatKeys(configuration, section, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotProtocolOptions>, BotProtocolOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ProtocolMetrics>();

        services.AddHttpClient(MetadataDocumentRetriever.HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(10);
                client.MaxResponseContentBufferSize = MetadataDocumentRetriever.MaxDocumentBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(CreateHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // The default HttpClient logs print request URLs, which carry conversation and user ids; ConnectorClient
        // logs each call itself without them.
        services.AddHttpClient(ConnectorClient.HttpClientName, client =>
            {
                // The resilience pipeline owns time limits.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = 4 * 1024 * 1024;
            })
            .ConfigurePrimaryHttpMessageHandler(CreateHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(ConnectorResilience.PipelineName, (builder, context) =>
                ConnectorResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<BotProtocolOptions>>().Value));
        // Inside the retry pipeline: every 429 counts, also those a retry then got past.
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .AddHttpMessageHandler(provider => new ConnectorThrottleCounter(provider.GetRequiredService<ProtocolMetrics>()));

        services.TryAddSingleton<IConnectorTokenProvider>(provider => new ConnectorTokenProvider(
            ConnectorCredentialFactory.Create(provider.GetRequiredService<IOptions<BotProtocolOptions>>().Value),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        services.AddHostedService<ConnectorWarmUp>();
        services.TryAddSingleton<IProactiveMessenger, ProactiveMessenger>();
        services.TryAddSingleton<ChannelAuthenticator>();
        services.TryAddSingleton<LocalModeGate>();
        services.AddHostedService<LocalModeGuard>();
        services.TryAddSingleton<BotMessagesEndpoint>();
        return services;
    }

    // A flat key applies where the "Bot" section leaves the setting empty: the section wins, and an empty value
    // there (as Bot Framework templates ship them) cannot blank out a real one at the root.
    private static void BindFlatKeys(IConfiguration configuration, IConfigurationSection section, BotProtocolOptions options)
    {
        foreach (var key in FlatKeys)
        {
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value) || !string.IsNullOrWhiteSpace(section[key]))
            {
                continue;
            }
            switch (key)
            {
                case nameof(BotProtocolOptions.MicrosoftAppId):
                    options.MicrosoftAppId = value;
                    break;
                case nameof(BotProtocolOptions.MicrosoftAppPassword):
                    options.MicrosoftAppPassword = value;
                    break;
                case nameof(BotProtocolOptions.MicrosoftAppTenantId):
                    options.MicrosoftAppTenantId = value;
                    break;
                case nameof(BotProtocolOptions.MicrosoftAppCertificateThumbprint):
                    options.MicrosoftAppCertificateThumbprint = value;
                    break;
                case nameof(BotProtocolOptions.MicrosoftAppType):
                    options.MicrosoftAppType = value;
                    break;
            }
        }
    }

    // No redirects: a connector or metadata endpoint that redirects elsewhere must not take the bot (or its token) along.
    private static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
