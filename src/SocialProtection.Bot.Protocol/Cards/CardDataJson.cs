using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// The one strict JSON form of <see cref="CardData"/>: camelCase names, no member the record lacks, no member twice,
/// no number given as text, no null where the record says never. Writing and reading use the same options, so a card
/// reads back what it wrote.
/// </summary>
public static class CardDataJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The data as the JSON object a button carries, with <paramref name="verb"/> in it.</summary>
    public static JsonElement Write(CardData data, string verb) =>
        JsonSerializer.SerializeToElement(data with { Verb = verb }, data.GetType(), Options);

    /// <summary>
    /// Reads a press's data into <typeparamref name="TData"/>; false when it is not what the bot's cards send (another
    /// field, a wrong type, a verb that is not <paramref name="verb"/>, or <see cref="CardData.IsWellFormed"/> refuses it).
    /// </summary>
    public static bool TryRead<TData>(JsonElement data, string verb, [NotNullWhen(true)] out TData? value)
        where TData : CardData
    {
        value = null;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        try
        {
            value = data.Deserialize<TData>(Options);
        }
        catch (JsonException)
        {
            return false;
        }
        if (value is null || (value.Verb is not null && value.Verb != verb) || !value.IsWellFormed())
        {
            value = null;
            return false;
        }
        return true;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 16,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { CountReads } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void CountReads(JsonTypeInfo info)
    {
        if (info.Kind == JsonTypeInfoKind.Object && info.Type.IsAssignableTo(typeof(CardData)))
        {
            info.OnDeserialized = static _ => CardJsonCounts.CountDataRead();
        }
    }
}
