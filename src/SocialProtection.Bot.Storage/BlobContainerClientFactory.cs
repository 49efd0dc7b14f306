using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace SocialProtection.Bot.Storage;

/// <summary>Builds the one container client the process uses, with bounded timeouts and retries.</summary>
internal static class BlobContainerClientFactory
{
    public static BlobContainerClient Create(StorageOptions options)
    {
        var clientOptions = new BlobClientOptions
        {
            Retry =
            {
                Mode = RetryMode.Exponential,
                MaxRetries = options.MaxRetries,
                NetworkTimeout = options.NetworkTimeout,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
            },
        };
        clientOptions.AddPolicy(RequestAttemptCounter.Policy, HttpPipelinePosition.PerRetry);

        var service = !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.ConnectionString, clientOptions)
            : new BlobServiceClient(
                options.AccountUrl ?? throw new InvalidOperationException("Storage:AccountUrl or Storage:ConnectionString is required for Blob Storage."),
                new DefaultAzureCredential(new DefaultAzureCredentialOptions
                {
                    ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
                }),
                clientOptions);
        return service.GetBlobContainerClient(options.ContainerName);
    }
}
