using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>
/// The "storage" readiness check proves the store takes writes, not only that it answers reads: a bot whose data
/// folder can be read but not written would otherwise look healthy and then lose every answer.
/// </summary>
public sealed class StorageHealthCheckTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ServiceProvider Services() =>
        new ServiceCollection()
            .AddLogging()
            .AddObjectStore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:LocalPath"] = _folder.Path }).Build())
            .BuildServiceProvider();

    private static async Task<HealthReportEntry> CheckAsync(IServiceProvider services) =>
        (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "storage")).Entries["storage"];

    [Fact]
    public async Task A_writable_local_store_is_healthy_and_the_probe_leaves_nothing_behind()
    {
        await using var services = Services();
        var store = services.GetRequiredService<IObjectStore>();

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(services)).Status);
        Assert.Empty(await store.ListAsync("", CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_local_store_that_answers_reads_but_cannot_be_written_is_unhealthy()
    {
        await using var services = Services();
        var store = services.GetRequiredService<IObjectStore>();
        // Running as root, file modes do not stop writes; a file where the objects folder was does, for everyone.
        var objects = Path.Combine(_folder.Path, "objects");
        Directory.Delete(objects, recursive: true);
        await File.WriteAllTextAsync(objects, "not a folder");
        Assert.Null(await store.GetAsync("health/probe", CancellationToken.None));

        var entry = await CheckAsync(services);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("written", entry.Description, StringComparison.Ordinal);
    }
}
