using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>
/// The contract on the in-memory store the workshop tests run the bot over: each test has its own objects, a second
/// instance shares them, and a clock the lease tests move on.
/// </summary>
public sealed class InMemoryObjectStoreContractTests : ObjectStoreContractTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private InMemoryObjectStore? _first;

    protected override IObjectStore CreateStore() => _first is null ? _first = new InMemoryObjectStore(_time) : _first.NewInstance();

    protected override Task LetTimePassAsync(TimeSpan duration)
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    }
}
