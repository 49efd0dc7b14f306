using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Hosting;

/// <summary>A <see cref="BotOverHttpTest"/> over Blob Storage on Azurite, in a new container named from <paramref name="containerPrefix"/>.</summary>
public abstract class BotOnAzuriteTest(AzuriteServer azurite, string containerPrefix) : BotOverHttpTest
{
    protected override Dictionary<string, string?> BaseSettings() =>
        BotHost.BlobStore(azurite, containerPrefix + Guid.NewGuid().ToString("N")[..12]);
}
