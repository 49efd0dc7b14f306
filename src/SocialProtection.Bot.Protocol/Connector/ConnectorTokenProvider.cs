using Azure.Core;

namespace SocialProtection.Bot.Protocol.Connector;

/// <summary>
/// Gets Bot Connector tokens from an Azure.Identity credential and keeps each until five minutes before it expires
/// (or until the credential's suggested refresh time). Without a credential (no app id) it returns no token.
/// </summary>
public sealed class ConnectorTokenProvider : IConnectorTokenProvider, IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential? _credential;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RefreshAt)? _cached;

    public ConnectorTokenProvider(TokenCredential? credential, TimeProvider time)
    {
        _credential = credential;
        _time = time;
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_credential is null)
        {
            return null;
        }
        if (_cached is { } fresh && _time.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.Token;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && _time.GetUtcNow() < cached.RefreshAt)
            {
                return cached.Token;
            }
            var token = await _credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            var refreshAt = token.ExpiresOn - RefreshMargin;
            if (token.RefreshOn is { } suggested && suggested < refreshAt)
            {
                refreshAt = suggested;
            }
            _cached = (token.Token, refreshAt);
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;

    public void Dispose() => _gate.Dispose();
}
