using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// Brings a stored participant record written by an older version of the bot up to
/// <see cref="ParticipantRecord.CurrentSchemaVersion"/> before it is read, one version step at a time. A record from a
/// newer bot is refused rather than read and overwritten with data loss.
/// </summary>
internal static class ParticipantRecordMigration
{
    /// <summary>
    /// Steps[n] turns a version n+1 document into version n+2. Schema version 1 is the first, so there are none yet;
    /// when the record changes shape, add the step here and raise <see cref="ParticipantRecord.CurrentSchemaVersion"/>.
    /// </summary>
    private static readonly IReadOnlyList<Func<JsonObject, JsonObject>> Steps = [];

    public const string VersionProperty = "schemaVersion";

    public static JsonObject Upgrade(JsonObject document)
    {
        var version = document[VersionProperty] is JsonValue value && value.TryGetValue<int>(out var v) ? v : 1;
        if (version > ParticipantRecord.CurrentSchemaVersion)
        {
            throw new NewerRecordVersionException(
                $"The record has schema version {version}; this bot reads up to {ParticipantRecord.CurrentSchemaVersion}.");
        }
        if (version < 1)
        {
            throw new JsonException($"The record has an invalid schema version {version}.");
        }
        for (; version < ParticipantRecord.CurrentSchemaVersion; version++)
        {
            document = Steps[version - 1](document);
            document[VersionProperty] = version + 1;
        }
        return document;
    }

    /// <summary>Reads a record as a JSON object first so the migration can reshape it; writes it unchanged.</summary>
    /// <param name="plain">The stored form without this converter, to read and write the record itself.</param>
    internal sealed class Converter(JsonSerializerOptions plain) : JsonConverter<ParticipantRecord>
    {
        public override ParticipantRecord? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (JsonNode.Parse(ref reader) is not JsonObject document)
            {
                throw new JsonException("A participant record must be a JSON object.");
            }
            return Upgrade(document).Deserialize<ParticipantRecord>(plain);
        }

        public override void Write(Utf8JsonWriter writer, ParticipantRecord value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, plain);
    }
}
