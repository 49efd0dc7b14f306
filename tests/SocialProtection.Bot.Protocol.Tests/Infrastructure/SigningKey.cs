using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>An RSA signing key as a token service publishes it: key id, public parts and channel endorsements.</summary>
public sealed class SigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public SigningKey(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = Endorsements,
        };
    }

    public void Dispose() => _rsa.Dispose();
}
