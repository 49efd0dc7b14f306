using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SocialProtection.Bot.Protocol.Authentication;

/// <summary>
/// One issuer's OpenID metadata and signing keys, cached by <see cref="ConfigurationManager{T}"/> and refreshed when a
/// token names a key the cache lacks (key rollover). Forced refreshes are rate-limited so forged key ids cannot make
/// the bot hammer the metadata endpoint.
/// </summary>
internal sealed class OpenIdMetadataSource
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _time;
    private readonly TimeSpan _minimumRefreshInterval;
    private readonly TimeSpan _refreshWait;
    private readonly Lock _gate = new();
    private Task<OpenIdConnectConfiguration>? _refresh;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public OpenIdMetadataSource(string metadataUrl, IDocumentRetriever retriever, TimeProvider time, TimeSpan minimumRefreshInterval, TimeSpan refreshWait)
    {
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            // Our own gate below decides how often a refresh may be forced.
            RefreshInterval = BaseConfigurationManager.MinimumRefreshInterval,
        };
        _time = time;
        _minimumRefreshInterval = minimumRefreshInterval;
        _refreshWait = refreshWait;
        MetadataUrl = metadataUrl;
    }

    public string MetadataUrl { get; }

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>
    /// Asks for fresh metadata after a token named an unknown key and waits (bounded) for it. Returns the current
    /// metadata at once when a forced refresh happened too recently.
    /// </summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(OpenIdConnectConfiguration stale, CancellationToken cancellationToken)
    {
        Task<OpenIdConnectConfiguration>? refresh = null;
        lock (_gate)
        {
            if (_refresh is { IsCompleted: false })
            {
                refresh = _refresh;
            }
            else if (_time.GetUtcNow() - _lastForcedRefresh >= _minimumRefreshInterval)
            {
                _lastForcedRefresh = _time.GetUtcNow();
                _refresh = refresh = WaitForNewConfigurationAsync(stale);
            }
        }
        return refresh is null
            ? await _manager.GetConfigurationAsync(cancellationToken)
            : await refresh.WaitAsync(cancellationToken);
    }

    public static SecurityKey? FindKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.SigningKeys.FirstOrDefault(key => string.Equals(key.KeyId, keyId, StringComparison.Ordinal));

    // ConfigurationManager refreshes on a background task after RequestRefresh; poll briefly for its result so the
    // request that met the new key can still be accepted.
    private async Task<OpenIdConnectConfiguration> WaitForNewConfigurationAsync(OpenIdConnectConfiguration stale)
    {
        _manager.RequestRefresh();
        var deadline = _time.GetUtcNow() + _refreshWait;
        while (true)
        {
            var current = await _manager.GetConfigurationAsync(CancellationToken.None);
            if (!ReferenceEquals(current, stale) || _time.GetUtcNow() >= deadline)
            {
                return current;
            }
            await Task.Delay(PollInterval, _time);
        }
    }
}
