using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// Serializes the card model to exact Adaptive Cards JSON: camelCase, nulls omitted, non-ASCII text unescaped. A card is
/// serialised once: measuring it and sending it share the same JSON (cards are immutable records, and <c>with</c>
/// makes a new instance, so the JSON kept for an instance never goes stale).
/// </summary>
public static class AdaptiveCardJson
{
    private static readonly ConditionalWeakTable<AdaptiveCard, StrongBox<JsonElement>> Serialised = [];

    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(AdaptiveCard card) => ToElement(card).GetRawText();

    public static JsonElement ToElement(AdaptiveCard card) =>
        Serialised.GetValue(card, static c => new StrongBox<JsonElement>(JsonSerializer.SerializeToElement(c, Options))).Value;

    public static AdaptiveCard? Deserialize(string json) => JsonSerializer.Deserialize<AdaptiveCard>(json, Options);

    /// <summary>
    /// The card's size as Teams counts message size: its JSON in UTF-16, two bytes per code unit
    /// (a Thai character costs 2 bytes, an emoji 4).
    /// </summary>
    public static int Utf16ByteCount(AdaptiveCard card) =>
        Encoding.UTF8.GetCharCount(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(ToElement(card))) * 2;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Thai text stays as it is instead of \uXXXX escapes, which would triple its size.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowOutOfOrderMetadataProperties = true,
            MaxDepth = 64,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { CountSerialisations } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static void CountSerialisations(JsonTypeInfo info)
    {
        if (info.Type == typeof(AdaptiveCard))
        {
            info.OnSerializing = static _ => CardJsonCounts.CountCardSerialised();
        }
    }
}
