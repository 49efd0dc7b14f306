namespace SocialProtection.Bot.Storage.Tests;

/// <summary>The contract on Azure Blob Storage (Azurite), in a container of this class's own.</summary>
public sealed class BlobObjectStoreContractTests(AzuriteContainerFixture fixture)
    : ObjectStoreContractTests, IClassFixture<AzuriteContainerFixture>
{
    protected override IObjectStore CreateStore() => fixture.CreateStore();

    // Blob leases run on the service's clock.
    protected override Task LetTimePassAsync(TimeSpan duration) => Task.Delay(duration);
}
