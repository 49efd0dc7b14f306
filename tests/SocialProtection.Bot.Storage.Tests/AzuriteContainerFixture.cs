using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>One Azurite for a test class, and a container of its own that the class's stores share.</summary>
public sealed class AzuriteContainerFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; } = new();

    public string ContainerName { get; } = "c" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync() => Azurite.StartAsync();

    public Task DisposeAsync() => Azurite.DisposeAsync().AsTask();

    public StorageOptions Options(string? containerName = null) => new()
    {
        ConnectionString = Azurite.ConnectionString,
        ContainerName = containerName ?? ContainerName,
    };

    public BlobObjectStore CreateStore(string? containerName = null) =>
        new(BlobContainerClientFactory.Create(Options(containerName)));
}
