using System.Text.Encodings.Web;
using System.Text.Json;

namespace SocialProtection.Bot.Storage;

/// <summary>How <see cref="JsonObjectStore"/> serializes and how hard it retries a contested update.</summary>
public sealed class JsonObjectStoreOptions
{
    /// <summary>
    /// Web defaults (camelCase). Stored documents are never placed into HTML, so non-ASCII text is written
    /// as is: Thai stays readable in exports and takes a third of the escaped size.
    /// </summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Read-modify-write rounds before <see cref="ConcurrencyConflictException"/>.</summary>
    public int MaxUpdateAttempts { get; set; } = 10;

    /// <summary>The first back-off after a lost race; it doubles (with full jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
