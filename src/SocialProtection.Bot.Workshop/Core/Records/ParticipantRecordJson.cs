using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// How participant records (and the personal-conversation records beside them) are stored: camelCase JSON, enums
/// by name, Thai text unescaped, and every participant record passed through <see cref="ParticipantRecordMigration"/>
/// on the way in.
/// </summary>
internal static class ParticipantRecordJson
{
    public static JsonSerializerOptions Options { get; } = Create(withMigration: true);

    /// <summary>Options for a <see cref="JsonObjectStore"/> that holds participant data.</summary>
    public static JsonObjectStoreOptions StoreOptions() => new() { SerializerOptions = Options };

    private static JsonSerializerOptions Create(bool withMigration)
    {
        var options = StoredJson.Create();
        if (withMigration)
        {
            options.Converters.Add(new MigratingConverter());
        }
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads a record as a JSON object first so the migration can reshape it; writes it unchanged.</summary>
    private sealed class MigratingConverter : JsonConverter<ParticipantRecord>
    {
        private static readonly JsonSerializerOptions Plain = Create(withMigration: false);

        public override ParticipantRecord? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (JsonNode.Parse(ref reader) is not JsonObject document)
            {
                throw new JsonException("A participant record must be a JSON object.");
            }
            return ParticipantRecordMigration.Upgrade(document).Deserialize<ParticipantRecord>(Plain);
        }

        public override void Write(Utf8JsonWriter writer, ParticipantRecord value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, Plain);
    }
}
