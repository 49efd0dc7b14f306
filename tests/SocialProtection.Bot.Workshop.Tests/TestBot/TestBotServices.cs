using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;

namespace SocialProtection.Bot.Workshop.Tests.TestBot;

/// <summary>
/// The bot's services exactly as the host registers them (<see cref="WorkshopBotServiceCollectionExtensions.AddWorkshopBot"/>),
/// with the outside world replaced by the test's: its store, its clock and a fake Teams connector. Every test world
/// starts here, so what the tests run is what the host runs.
/// </summary>
internal static class TestBotServices
{
    public static ServiceCollection Create(
        IEnumerable<KeyValuePair<string, string?>> settings,
        IObjectStore store,
        TimeProvider? time = null,
        IConnectorClient? connector = null,
        Action<ILoggingBuilder>? logging = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging ?? (_ => { }));
        services.AddWorkshopBot(configuration);
        // Registered after the bot's own, so these win.
        services.AddSingleton(store);
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        services.AddSingleton(connector ?? new FakeTeams());
        services.AddSingleton<IProactiveMessenger, ProactiveMessenger>();
        return services;
    }
}
