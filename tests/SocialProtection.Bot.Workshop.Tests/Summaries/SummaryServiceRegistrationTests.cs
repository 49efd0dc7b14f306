using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

public sealed class SummaryServiceRegistrationTests
{
    [Fact]
    public void Summaries_register_their_services_route_and_configured_card_budget()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Summaries:Cards:MaxCardBytes"] = "12000" })
            .Build();
        var folder = Path.Combine(Path.GetTempPath(), "summaries-di-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IObjectStore>(new FileObjectStore(folder));
        services.AddSingleton(p => new JsonObjectStore(p.GetRequiredService<IObjectStore>()));

        services.AddWorkshopSummaries(configuration);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<DotVoteActionHandler>());
        Assert.Contains(provider.GetServices<IRouteModule>(), m => m is SummaryRouteModule);
        var summary = new GroupSummaryBuilder().Build(SummaryTestData.Request(SummaryTestData.Group(20)));
        Assert.All(provider.GetRequiredService<SummaryCardBuilder>().Build(summary), c => Assert.True(Protocol.Cards.AdaptiveCardJson.Utf16ByteCount(c) <= 12000));
        Directory.Delete(folder, recursive: true);
    }
}
