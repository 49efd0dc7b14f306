using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialProtection.Bot.Storage;

/// <summary>Builds the store when the host starts (bad settings fail then, not at the first turn) and logs which one is in use.</summary>
internal sealed class ObjectStoreStartup(IObjectStore store, IOptions<StorageOptions> options, ILogger<ObjectStoreStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (store)
        {
            case FileObjectStore file:
                logger.LogInformation("Storage: local disk at {Path}", file.RootPath);
                break;
            case BlobObjectStore blob:
                logger.LogInformation(
                    "Storage: Azure Blob Storage at {Endpoint}, container {Container}, signed in with {Authentication}",
                    blob.ContainerUri.GetLeftPart(UriPartial.Authority), blob.ContainerName, Authentication(options.Value));
                break;
            default:
                logger.LogInformation("Storage: {StoreType}", store.GetType().Name);
                break;
        }

        return Task.CompletedTask;
    }

    private static string Authentication(StorageOptions options) =>
        !string.IsNullOrWhiteSpace(options.ConnectionString) ? "a connection string"
        : string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? "DefaultAzureCredential"
        : "DefaultAzureCredential (user-assigned managed identity)";

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
