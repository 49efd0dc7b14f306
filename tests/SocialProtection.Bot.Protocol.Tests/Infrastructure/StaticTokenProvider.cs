using SocialProtection.Bot.Protocol.Connector;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>Stands in for Azure.Identity where a test configures an app id but must not reach Entra.</summary>
public sealed class StaticTokenProvider(string? token) : IConnectorTokenProvider
{
    public int Invalidations { get; private set; }

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

    public void Invalidate() => Invalidations++;
}
