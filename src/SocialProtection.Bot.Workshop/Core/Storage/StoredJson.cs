using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Core.Storage;

/// <summary>
/// The one JSON form of every document the workshop stores (workshops, roles, follow-ups, reminders, participant
/// records): camelCase, enums by name, Thai text unescaped, nulls left out, at most 32 levels deep; a participant
/// record passes through its migration on the way in. Summaries add only what makes their bytes comparable
/// (<c>SummaryJson</c>).
/// </summary>
internal static class StoredJson
{
    /// <summary>The form without the participant record's migration: what the migration itself reads and writes with.</summary>
    private static readonly JsonSerializerOptions Plain = Create(withMigration: false);

    public static JsonSerializerOptions Options { get; } = Create(withMigration: true);

    public static JsonObjectStoreOptions StoreOptions() => new() { SerializerOptions = Options };

    private static JsonSerializerOptions Create(bool withMigration)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 32,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        if (withMigration)
        {
            options.Converters.Add(new ParticipantRecordMigration.Converter(Plain));
        }
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
