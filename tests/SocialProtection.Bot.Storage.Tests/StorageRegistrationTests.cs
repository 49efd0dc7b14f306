using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>AddObjectStore: which store the "Storage" settings give, its health check and its start-up log.</summary>
public sealed class StorageRegistrationTests(AzuriteContainerFixture fixture) : IClassFixture<AzuriteContainerFixture>, IDisposable
{
    private readonly TempFolder _contentRoot = new();
    private readonly CapturedLogs _logs = new();

    public void Dispose()
    {
        _contentRoot.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task With_nothing_configured_data_goes_to_a_data_folder_under_the_content_root()
    {
        using var host = await StartAsync([]);

        var store = Assert.IsType<FileObjectStore>(host.Services.GetRequiredService<IObjectStore>());
        Assert.Equal(Path.Combine(_contentRoot.Path, "data"), store.RootPath);
        Assert.Same(store, host.Services.GetRequiredService<IObjectStore>());
        await host.Services.GetRequiredService<JsonObjectStore>()
            .WriteAsync("workshops/w1", new Ledger(["เปิด"]), WriteCondition.IfNotExists, default);
        Assert.True(Directory.Exists(Path.Combine(_contentRoot.Path, "data", "objects", "workshops")));
        Assert.Contains(_logs.Messages, message => message.StartsWith($"Storage: local disk at {store.RootPath}", StringComparison.Ordinal));
        Assert.Equal(HealthStatus.Healthy, (await CheckStorageAsync(host)).Status);
    }

    [Fact]
    public async Task A_relative_local_path_is_taken_from_the_content_root_and_an_absolute_one_as_it_is()
    {
        using (var relative = await StartAsync(new() { ["Storage:LocalPath"] = "App_Data/store" }))
        {
            Assert.Equal(Path.Combine(_contentRoot.Path, "App_Data", "store"), ((FileObjectStore)relative.Services.GetRequiredService<IObjectStore>()).RootPath);
        }

        var absolute = Path.Combine(_contentRoot.Path, "elsewhere");
        using var host = await StartAsync(new() { ["Storage:LocalPath"] = absolute });
        Assert.Equal(absolute, ((FileObjectStore)host.Services.GetRequiredService<IObjectStore>()).RootPath);
    }

    [Fact]
    public async Task A_connection_string_selects_blob_storage_and_the_log_names_the_endpoint_but_never_the_key()
    {
        using var host = await StartAsync(new()
        {
            ["Storage:ConnectionString"] = fixture.Azurite.ConnectionString,
            ["Storage:ContainerName"] = fixture.ContainerName,
        });

        var store = Assert.IsType<BlobObjectStore>(host.Services.GetRequiredService<IObjectStore>());
        Assert.Equal(fixture.ContainerName, store.ContainerName);
        await store.PutAsync("registration/check", BinaryData.FromString("ok"), WriteCondition.None, default);
        Assert.Equal(HealthStatus.Healthy, (await CheckStorageAsync(host)).Status);
        Assert.Contains(_logs.Messages, message => message.Contains($"127.0.0.1:{fixture.Azurite.Port}", StringComparison.Ordinal)
            && message.Contains("a connection string", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, message => message.Contains(AzuriteServer.AccountKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_health_check_reports_unreachable_storage_as_unhealthy_without_details()
    {
        var nobodyListens = FreePort.Next();
        using var host = await StartAsync(new()
        {
            ["Storage:ConnectionString"] = fixture.Azurite.ConnectionString.Replace($":{fixture.Azurite.Port}/", $":{nobodyListens}/", StringComparison.Ordinal),
            ["Storage:MaxRetries"] = "1",
        });

        var result = await CheckStorageAsync(host);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Storage is unreachable.", result.Description);
    }

    [Theory]
    [InlineData("Storage:ContainerName", "Bad_Name", "Storage:ContainerName")]
    [InlineData("Storage:AccountUrl", "http://example.blob.core.windows.net", "Storage:AccountUrl")]
    [InlineData("Storage:ManagedIdentityClientId", "3f1c0000-0000-0000-0000-000000000000", "Storage:ManagedIdentityClientId")]
    [InlineData("Storage:MaxRetries", "50", "Storage:MaxRetries")]
    [InlineData("Storage:MaxConcurrentRequests", "-1", "Storage:MaxConcurrentRequests")]
    [InlineData("Storage:QueueTimeout", "00:00:00", "Storage:QueueTimeout")]
    [InlineData("Storage:NetworkTimeout", "00:10:00", "Storage:NetworkTimeout")]
    public async Task Wrong_settings_stop_the_start_with_a_message_naming_the_setting(string setting, string value, string named)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { [setting] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_a_connection_string_and_an_account_url_is_refused()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Storage:ConnectionString"] = fixture.Azurite.ConnectionString,
            ["Storage:AccountUrl"] = "https://example.blob.core.windows.net",
        }));

        Assert.Contains("not both", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_refused_without_repeating_it()
    {
        const string Secret = "AccountKey=c2VjcmV0LXNlY3JldA==;NotAConnectionString";

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new() { ["Storage:ConnectionString"] = Secret }));

        Assert.Contains("Storage:ConnectionString", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_url_uses_azure_sign_in_and_builds_a_blob_store_for_that_account()
    {
        using var host = await StartAsync(new()
        {
            ["Storage:AccountUrl"] = "https://workshopdata.blob.core.windows.net",
            ["Storage:ManagedIdentityClientId"] = "3f1c0000-0000-0000-0000-000000000000",
            ["Storage:ContainerName"] = "workshops",
        });

        var store = Assert.IsType<BlobObjectStore>(host.Services.GetRequiredService<IObjectStore>());
        Assert.Equal(new Uri("https://workshopdata.blob.core.windows.net/workshops"), store.ContainerUri);
        Assert.Contains(_logs.Messages, message => message.Contains("user-assigned managed identity", StringComparison.Ordinal));
    }

    private async Task<IHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot.Path });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(_logs);
        builder.Services.AddObjectStore(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static async Task<HealthReportEntry> CheckStorageAsync(IHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "storage");
        return report.Entries["storage"];
    }
}
