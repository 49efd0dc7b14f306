using Microsoft.Extensions.Time.Testing;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>The contract on local disk, in a fresh folder per test, with a clock the lease tests move on.</summary>
public sealed class FileObjectStoreContractTests : ObjectStoreContractTests, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    protected override IObjectStore CreateStore() => new FileObjectStore(_folder.Path, _time);

    protected override Task LetTimePassAsync(TimeSpan duration)
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
