using System.Collections;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SocialProtection.Bot.Protocol.Hosting;

namespace SocialProtection.Bot.Protocol.Authentication;

/// <summary>
/// Validates the bearer token the channel sends with each activity: Bot Framework tokens (issuer
/// https://api.botframework.com, keys from the Bot Framework OpenID metadata, with channel endorsements) and Entra
/// tokens for the tenants the bot trusts. Signature, lifetime (5 minutes of clock skew), issuer and audience are
/// checked by <see cref="JsonWebTokenHandler"/>; what binds the token to the activity is checked by
/// <see cref="ChannelIdentity.Admit"/> once the body is read.
/// </summary>
internal sealed class ChannelAuthenticator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";
    public const string TenantIdClaim = "tid";
    public const string AuthorizedPartyClaim = "azp";
    public const string AppIdClaim = "appid";
    private const string EndorsementsProperty = "endorsements";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly BotProtocolOptions _options;
    private readonly OpenIdMetadataSource _botFramework;
    private readonly Dictionary<string, (string TenantId, OpenIdMetadataSource Source)> _entraByIssuer = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> _allowedCallers;

    public ChannelAuthenticator(IOptions<BotProtocolOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time)
    {
        _options = options.Value;
        _allowedCallers = _options.EffectiveAllowedCallers;
        var retriever = new MetadataDocumentRetriever(httpClientFactory);
        _botFramework = CreateSource(_options.OpenIdMetadataUrl, retriever, time);
        foreach (var tenantId in _options.EntraTenantIds)
        {
            var source = CreateSource(_options.EntraOpenIdMetadataUrl.Replace("{tenantId}", tenantId, StringComparison.OrdinalIgnoreCase), retriever, time);
            foreach (var issuer in EntraIssuers(tenantId))
            {
                _entraByIssuer[issuer] = (tenantId, source);
            }
        }
    }

    public static IEnumerable<string> EntraIssuers(string tenantId) =>
    [
        $"https://sts.windows.net/{tenantId}/",
        $"https://login.microsoftonline.com/{tenantId}/v2.0",
    ];

    /// <summary>Checks the Authorization header's token. Does not look at the activity; see <see cref="ChannelIdentity.Admit"/>.</summary>
    public async Task<ChannelAuthenticationResult> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.MissingHeader);
        }
        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.NotBearer);
        }
        var token = parts[1];
        if (token.Length > _handler.MaximumTokenSizeInBytes || !_handler.CanReadToken(token))
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.MalformedToken);
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.MalformedToken);
        }
        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.UnknownSigningKey, "no kid");
        }

        // The unverified issuer only picks which keys to try; the validation below checks it again.
        var issuer = unverified.Issuer;
        if (string.Equals(issuer, BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return await ValidateAsync(token, unverified.Kid, _botFramework, BotFrameworkParameters(), ChannelTokenIssuer.BotFramework, null, cancellationToken);
        }
        if (issuer is not null && _entraByIssuer.TryGetValue(issuer, out var entra))
        {
            return await ValidateAsync(token, unverified.Kid, entra.Source, EntraParameters(entra.TenantId), ChannelTokenIssuer.Entra, entra.TenantId, cancellationToken);
        }
        return ChannelAuthenticationResult.Fail(AuthenticationFailure.UntrustedIssuer);
    }

    private async Task<ChannelAuthenticationResult> ValidateAsync(
        string token,
        string keyId,
        OpenIdMetadataSource source,
        TokenValidationParameters parameters,
        ChannelTokenIssuer issuer,
        string? tenantId,
        CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await source.GetAsync(cancellationToken);
            if (OpenIdMetadataSource.FindKey(configuration, keyId) is null)
            {
                configuration = await source.RefreshAsync(configuration, cancellationToken);
            }
        }
        catch (InvalidOperationException exception)
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.MetadataUnavailable, exception.InnerException?.GetType().Name);
        }

        if (OpenIdMetadataSource.FindKey(configuration, keyId) is not { } key)
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.UnknownSigningKey);
        }

        parameters.IssuerSigningKeys = [key];
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.InvalidToken, result.Exception?.GetType().Name);
        }

        var claims = result.ClaimsIdentity;
        if (tenantId is not null
            && !string.Equals(claims.FindFirst(TenantIdClaim)?.Value, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.TenantMismatch);
        }
        if (issuer == ChannelTokenIssuer.Entra && !IsAllowedCaller(claims))
        {
            return ChannelAuthenticationResult.Fail(AuthenticationFailure.CallerNotAllowed);
        }

        var endorsements = issuer == ChannelTokenIssuer.BotFramework ? Endorsements(configuration, keyId) : new HashSet<string>();
        return ChannelAuthenticationResult.Success(new ChannelIdentity(issuer, claims.FindFirst(ServiceUrlClaim)?.Value, endorsements, tenantId));
    }

    // Any app in a trusted tenant can ask Entra for a token whose audience is the bot, and the caller then picks
    // `from` freely: only the apps the bot trusts may call it. Every caller claim present must name one of them.
    private bool IsAllowedCaller(ClaimsIdentity claims)
    {
        var callers = claims.FindAll(c => c.Type is AuthorizedPartyClaim or AppIdClaim).Select(c => c.Value).ToList();
        return callers.Count > 0 && callers.All(_allowedCallers.Contains);
    }

    private TokenValidationParameters BotFrameworkParameters() => new()
    {
        ValidIssuer = BotFrameworkIssuer,
        ValidAudience = _options.MicrosoftAppId,
        ClockSkew = ClockSkew,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateLifetime = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        TryAllIssuerSigningKeys = false,
    };

    private TokenValidationParameters EntraParameters(string tenantId) => new()
    {
        ValidIssuers = EntraIssuers(tenantId),
        ValidAudiences = [_options.MicrosoftAppId, $"api://{_options.MicrosoftAppId}"],
        ClockSkew = ClockSkew,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateLifetime = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        TryAllIssuerSigningKeys = false,
    };

    // The Bot Framework key set lists, per key, the channels it may sign for ("endorsements": ["msteams", …]).
    private static HashSet<string> Endorsements(OpenIdConnectConfiguration configuration, string keyId)
    {
        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        var jsonKey = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (jsonKey is null || !jsonKey.AdditionalData.TryGetValue(EndorsementsProperty, out var value))
        {
            return endorsements;
        }
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { } text)
                    {
                        endorsements.Add(text);
                    }
                }
                break;
            case string single:
                endorsements.Add(single);
                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    if (item?.ToString() is { Length: > 0 } text)
                    {
                        endorsements.Add(text);
                    }
                }
                break;
        }
        return endorsements;
    }

    private OpenIdMetadataSource CreateSource(string metadataUrl, IDocumentRetriever retriever, TimeProvider time) =>
        new(metadataUrl, retriever, time, _options.KeyRefreshMinimumInterval, _options.KeyRefreshWait);
}
