using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialProtection.Bot.Storage;

namespace SocialProtection.Bot.Workshop.Core.Storage;

/// <summary>
/// The one JSON form of every document the workshop stores (workshops, roles, follow-ups, reminders, participant
/// records): camelCase, enums by name, Thai text unescaped, nulls left out, at most 32 levels deep. Summaries add only
/// what makes their bytes comparable (<c>SummaryJson</c>); participant records add their migration on the way in.
/// </summary>
internal static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = ReadOnly(Create());

    public static JsonObjectStoreOptions StoreOptions() => new() { SerializerOptions = Options };

    /// <summary>A writable copy of <see cref="Options"/>, for a document that adds a converter of its own.</summary>
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 32,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }

    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
