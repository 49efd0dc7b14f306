using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>Serializes the card model to exact Adaptive Cards JSON: camelCase, nulls omitted, non-ASCII text unescaped.</summary>
public static class AdaptiveCardJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Options);

    public static AdaptiveCard? Deserialize(string json) => JsonSerializer.Deserialize<AdaptiveCard>(json, Options);

    /// <summary>
    /// The card's size as Teams counts message size: its JSON in UTF-16, two bytes per code unit
    /// (a Thai character costs 2 bytes, an emoji 4).
    /// </summary>
    public static int Utf16ByteCount(AdaptiveCard card) => Serialize(card).Length * 2;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Thai text stays as it is instead of \uXXXX escapes, which would triple its size.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowOutOfOrderMetadataProperties = true,
            MaxDepth = 64,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
