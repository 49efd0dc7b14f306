namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>
/// Settings of the protocol layer. The Bot Framework keys (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
/// <c>MicrosoftAppTenantId</c>, <c>MicrosoftAppType</c>, <c>MicrosoftAppCertificateThumbprint</c>) are read from the
/// configuration root and from the section <c>Bot</c>; everything else only from <c>Bot</c> (e.g.
/// <c>Bot:MaxRequestBytes</c>). A value in <c>Bot</c> wins over the same key at the root.
/// </summary>
public sealed class BotProtocolOptions
{
    public const string SectionName = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>The bot's Entra app (client) id. Empty: local mode, no authentication, loopback service URLs only.</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>
    /// <c>Bot:AllowUnauthenticated</c>: lets local mode (no app id) start outside Development or on addresses other
    /// machines can reach. Logged as a critical warning at every start. Only for a deliberate, data-free test setup.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>The tenant GUID; required for SingleTenant and UserAssignedMSI, and the tenant whose Entra tokens are accepted.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// "MultiTenant" (the default when empty), "SingleTenant" or "UserAssignedMSI", as written in configuration
    /// (kept as text so an empty template value means the default); read <see cref="AppType"/>.
    /// </summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary><see cref="MicrosoftAppType"/> parsed; an unknown value is reported by validation at start.</summary>
    public BotAppType AppType => TryParseAppType(MicrosoftAppType, out var type) ? type : BotAppType.MultiTenant;

    internal bool IsAppTypeValid => TryParseAppType(MicrosoftAppType, out _);

    /// <summary>Thumbprint of a certificate in the CurrentUser or LocalMachine "My" store, used instead of a password.</summary>
    public string? MicrosoftAppCertificateThumbprint { get; set; }

    /// <summary>A PEM or PKCS#12 certificate file, used instead of a password (<c>Bot:CertificatePath</c>).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of a PKCS#12 file at <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Largest request body accepted on /api/messages; larger gets 413.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>The Bot Framework OpenID metadata (its keys carry channel endorsements).</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>The Entra OpenID metadata; <c>{tenantId}</c> is replaced by the tenant named in the token's issuer.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = DefaultEntraOpenIdMetadataUrl;

    /// <summary>Tenants besides <see cref="MicrosoftAppTenantId"/> whose Entra-issued tokens are accepted (e.g. a Microsoft service tenant).</summary>
    public IList<string> AdditionalEntraTenantIds { get; } = [];

    /// <summary>
    /// Apps (client ids) whose Entra-issued tokens are accepted, besides the bot's own app id: the token's
    /// <c>azp</c> (v2) or <c>appid</c> (v1) claim must name one of them. Bot Framework-issued tokens (the channel's)
    /// carry no such claim and are bound by the key's endorsements instead. Empty by default: the channel sends
    /// Bot Framework tokens, and an Entra token for the bot's app id can be asked for by any app in the tenant.
    /// </summary>
    public IList<string> AllowedCallers { get; } = [];

    /// <summary>
    /// Connector hosts an Entra-issued token may direct the bot to when the token carries no <c>serviceurl</c> claim
    /// (a leading "*." matches any subdomain). Bot Framework tokens always carry the claim and need no list.
    /// </summary>
    public IList<string> TrustedServiceUrlHosts { get; } = [];

    /// <summary>
    /// At most one forced metadata refresh per this interval when a token names an unknown signing key, so forged
    /// key ids cannot make the bot hammer the metadata endpoint.
    /// </summary>
    public TimeSpan KeyRefreshMinimumInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a request whose key was unknown waits for the refreshed keys.</summary>
    public TimeSpan KeyRefreshWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after the first connector attempt (429, 412, 408, 5xx except 501, timeouts, network errors).</summary>
    public int ConnectorRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ConnectorAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts of one connector call together, waits included.</summary>
    public TimeSpan ConnectorTotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the call fails with 429 and <see cref="Connector.ConnectorException.RetryAfter"/> set.</summary>
    public TimeSpan ConnectorMaxRetryAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>What /healthz says about authentication: "authenticated" or "local (unauthenticated)".</summary>
    public string Mode => IsAuthenticationEnabled ? "authenticated" : "local (unauthenticated)";

    /// <summary>True when an app id is configured: inbound tokens are required and outbound tokens are sent.</summary>
    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The tenants whose Entra-issued tokens are accepted.</summary>
    public IEnumerable<string> EntraTenantIds =>
        (string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? [] : new[] { MicrosoftAppTenantId.Trim() })
        .Concat(AdditionalEntraTenantIds.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()))
        .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The callers whose Entra tokens are accepted: the bot itself (as the Bot Framework Emulator path documents) and <see cref="AllowedCallers"/>.</summary>
    public IReadOnlySet<string> EffectiveAllowedCallers =>
        (string.IsNullOrWhiteSpace(MicrosoftAppId) ? [] : new[] { MicrosoftAppId.Trim() })
        .Concat(AllowedCallers.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    internal static IReadOnlyList<string> DefaultTrustedServiceUrlHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "*.teams.microsoft.com",
        "*.botframework.us",
        "*.teams.microsoft.us",
        "*.botframework.azure.cn",
    ];

    /// <summary>The configured trusted hosts, or the public and government Teams connector hosts when none are configured.</summary>
    public IReadOnlyList<string> EffectiveTrustedServiceUrlHosts =>
        TrustedServiceUrlHosts.Count > 0 ? [.. TrustedServiceUrlHosts] : DefaultTrustedServiceUrlHosts;

    private static bool TryParseAppType(string? value, out BotAppType type)
    {
        type = BotAppType.MultiTenant;
        return string.IsNullOrWhiteSpace(value)
            || (!int.TryParse(value, out _) && Enum.TryParse(value.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type));
    }
}
