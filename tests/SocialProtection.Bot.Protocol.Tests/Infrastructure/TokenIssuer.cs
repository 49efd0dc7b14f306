using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>
/// A local token service: OpenID metadata and a JWKS on loopback (Bot Framework style at /botframework/…, Entra style
/// at /{tenant}/v2.0/…), keys that can be added later (rollover), and tokens signed with them.
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<SigningKey>> _keysBySet = new();
    private readonly JsonWebTokenHandler _handler = new();
    private LocalServer? _server;
    private int _keyFetches;

    public static async Task<TokenIssuer> StartAsync()
    {
        var issuer = new TokenIssuer();
        issuer._server = await LocalServer.StartAsync(null, app =>
        {
            app.MapGet("/{set}/.well-known/openidconfiguration", (string set) => Results.Json(issuer.Metadata(set, "https://api.botframework.com")));
            app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(issuer.Metadata(tenant, $"https://login.microsoftonline.com/{tenant}/v2.0")));
            app.MapGet("/{set}/keys", (string set) =>
            {
                Interlocked.Increment(ref issuer._keyFetches);
                return Results.Json(new { keys = issuer.Keys(set).Select(k => k.ToJwk()).ToArray() });
            });
        });
        return issuer;
    }

    public string BotFrameworkMetadataUrl => new Uri(_server!.BaseAddress, "botframework/.well-known/openidconfiguration").ToString();

    public string EntraMetadataUrlTemplate => _server!.BaseAddress + "{tenantId}/v2.0/.well-known/openid-configuration";

    public int KeyFetches => Volatile.Read(ref _keyFetches);

    /// <summary>Publishes <paramref name="key"/> in the key set named <paramref name="set"/> ("botframework" or a tenant id).</summary>
    public void Publish(string set, SigningKey key)
    {
        var keys = _keysBySet.GetOrAdd(set, _ => []);
        lock (keys)
        {
            keys.Add(key);
        }
    }

    public string CreateToken(
        SigningKey key,
        string issuer,
        string audience,
        IDictionary<string, object>? claims = null,
        DateTime? notBefore = null,
        DateTime? expires = null,
        SecurityKey? signWith = null)
    {
        var now = DateTime.UtcNow;
        var signingKey = signWith ?? key.SecurityKey;
        if (signingKey is RsaSecurityKey rsa && signWith is not null)
        {
            rsa.KeyId = key.KeyId; // forged: claims the published key id, signed by another key
        }
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims ?? new Dictionary<string, object>(),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(),
        });
    }

    private SigningKey[] Keys(string set)
    {
        if (!_keysBySet.TryGetValue(set, out var keys))
        {
            return [];
        }
        lock (keys)
        {
            return [.. keys];
        }
    }

    private Dictionary<string, object> Metadata(string set, string issuer) => new Dictionary<string, object>
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = new Uri(_server!.BaseAddress, $"{set}/keys").ToString(),
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    };

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
