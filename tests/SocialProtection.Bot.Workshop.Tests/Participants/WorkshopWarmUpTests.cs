using SocialProtection.Bot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Tests.Reminders;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>The bot runs one conversation in memory at start, so the first participant does not wait for loading.</summary>
public sealed class WorkshopWarmUpTests
{
    [Fact]
    public async Task Starting_runs_the_dialog_in_memory_and_writes_nothing()
    {
        var (warmUp, logs, store) = Build();

        await warmUp.StartAsync(CancellationToken.None);

        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.StartsWith("Participant dialog warmed up", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(0, store.Count);
    }

    private static (IHostedService WarmUp, FakeLogCollector Logs, InMemoryObjectStore Store) Build()
    {
        var store = new InMemoryObjectStore();
        var provider = TestBot.TestBotServices.Create([], store, logging: logging => logging.AddFakeLogging()).BuildServiceProvider();
        var warmUp = provider.GetServices<IHostedService>().Single(s => s is WorkshopWarmUp);
        return (warmUp, provider.GetFakeLogCollector(), store);
    }
}
