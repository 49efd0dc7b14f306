namespace SocialProtection.Bot.Protocol.Connector;

/// <summary>Bearer tokens for the Bot Connector (scope https://api.botframework.com/.default).</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A token, or null when no app id is configured (local development: calls go out unauthenticated).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the cached token, e.g. after the connector answered 401.</summary>
    void Invalidate();
}
