namespace SocialProtection.Bot.Storage;

/// <summary>
/// The "Storage" configuration section. With neither <see cref="ConnectionString"/> nor <see cref="AccountUrl"/>
/// the bot keeps its data on local disk (<see cref="LocalPath"/>), so it runs with no Azure account.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultContainerName = "socialprotection";

    /// <summary>
    /// An Azure Storage connection string: "UseDevelopmentStorage=true" for Azurite on its default port, or an
    /// explicit one ("DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;BlobEndpoint=…;"). A secret: keep it
    /// out of source control (user secrets, Key Vault reference, environment variable Storage__ConnectionString).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The blob endpoint (https://&lt;account&gt;.blob.core.windows.net) to reach with DefaultAzureCredential:
    /// managed identity in Azure, a developer's Azure CLI / Visual Studio sign-in elsewhere.
    /// </summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The blob container; created on first write if missing. 3–63 lower-case letters, digits and single hyphens.</summary>
    public string ContainerName { get; set; } = DefaultContainerName;

    /// <summary>
    /// The folder of the local-disk store; relative paths are taken from the content root (the app's base
    /// directory when there is no host). Default: "data" under the content root.
    /// </summary>
    public string? LocalPath { get; set; }

    /// <summary>How long one request to Blob Storage may take before it counts as failed (and is retried).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries after a failed Blob Storage request; with <see cref="NetworkTimeout"/> this bounds how long a turn waits.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The most requests the bot has at Blob Storage at once; further requests wait their turn (up to
    /// <see cref="QueueTimeout"/>), and the wait does not count against <see cref="NetworkTimeout"/>. 0 means no bound.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>How long a request may wait for its turn before the turn fails with "please try again".</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal bool UsesBlobStorage => !string.IsNullOrWhiteSpace(ConnectionString) || AccountUrl is not null;
}
