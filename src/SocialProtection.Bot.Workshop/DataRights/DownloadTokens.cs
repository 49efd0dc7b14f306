using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Signs and reads the tokens in download links with ASP.NET Core Data Protection (authenticated encryption, keys
/// shared by every instance through the store): nobody can read, change or make one without the key ring.
/// A link lives <see cref="Lifetime"/>. The time-limited protector's own expiry is set one day later, so a link that
/// ran out recently is still recognised as ours and answered "gone" (410), while an altered token, or one long
/// expired, is simply not found (404). The short expiry is checked against <see cref="TimeProvider"/>; the protector's
/// own, on the system clock.
/// </summary>
internal sealed partial class DownloadTokens
{
    public const string Purpose = "SocialProtection.Bot.DataRights.DownloadLink.v1";

    /// <summary>Longest token accepted; anything longer is not ours.</summary>
    public const int MaxTokenLength = 4096;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan RecognisedAfterExpiry = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector _protector;
    private readonly TimeProvider _time;

    public DownloadTokens(IDataProtectionProvider provider, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();
        _time = time;
    }

    /// <summary>A URL-safe token for <paramref name="request"/>, valid for <see cref="Lifetime"/> from now.</summary>
    public string Create(DownloadRequest request) => Create(request, _time.GetUtcNow());

    /// <summary>A URL-safe token for <paramref name="request"/>, valid for <see cref="Lifetime"/> from <paramref name="issuedAt"/>.</summary>
    public string Create(DownloadRequest request, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DownloadRequest.Supports(request.Artifact, request.Format))
        {
            throw new ArgumentException($"A {request.Artifact} is not offered as {request.Format}.", nameof(request));
        }
        var expiresAt = issuedAt + Lifetime;
        var payload = new Payload(
            request.WorkshopId,
            DownloadRequest.Word(request.Artifact),
            DownloadRequest.Word(request.Format),
            request.RequestedBy,
            expiresAt.ToUnixTimeSeconds());
        // Data Protection checks its own expiry on the system clock, whatever clock the link's expiry is read on.
        var envelopeExpiry = DateTimeOffset.UtcNow + Lifetime + RecognisedAfterExpiry;
        var bytes = _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson.Default.Payload), envelopeExpiry);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>What <paramref name="token"/> stands for; never throws for bad input.</summary>
    public DownloadTokenReading Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return DownloadTokenReading.Invalid;
        }
        Payload? payload;
        try
        {
            var plain = _protector.Unprotect(WebEncoders.Base64UrlDecode(token), out _);
            payload = JsonSerializer.Deserialize(plain, PayloadJson.Default.Payload);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or JsonException)
        {
            return DownloadTokenReading.Invalid;
        }
        if (payload is null
            || DownloadRequest.TryCreate(payload.WorkshopId, payload.Artifact, payload.Format, payload.RequestedBy) is not { } request)
        {
            return DownloadTokenReading.Invalid;
        }
        return _time.GetUtcNow().ToUnixTimeSeconds() >= payload.ExpiresAt
            ? DownloadTokenReading.Expired
            : new DownloadTokenReading(DownloadTokenStatus.Valid, request);
    }

    internal sealed record Payload(
        [property: JsonPropertyName("w")] string WorkshopId,
        [property: JsonPropertyName("a")] string Artifact,
        [property: JsonPropertyName("f")] string Format,
        [property: JsonPropertyName("u"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestedBy,
        [property: JsonPropertyName("exp")] long ExpiresAt);

    [JsonSerializable(typeof(Payload))]
    internal sealed partial class PayloadJson : JsonSerializerContext;
}
