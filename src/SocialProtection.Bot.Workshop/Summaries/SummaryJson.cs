using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>
/// The one JSON form of a <see cref="GroupSummary"/>, used to store the posted summary and to compare two summaries:
/// compact, camelCase, enums by name, Thai unescaped. The same summary always gives the same bytes.
/// </summary>
internal static class SummaryJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(GroupSummary summary) => JsonSerializer.Serialize(summary, Options);

    public static byte[] SerializeToUtf8Bytes(GroupSummary summary) => JsonSerializer.SerializeToUtf8Bytes(summary, Options);

    public static GroupSummary? Deserialize(string json) => JsonSerializer.Deserialize<GroupSummary>(json, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
