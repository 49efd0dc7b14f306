using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>How follow-up data is stored: camelCase JSON, enums by name, nulls left out, Thai text unescaped.</summary>
internal static class ReminderJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonObjectStoreOptions StoreOptions() => new() { SerializerOptions = Options };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 32,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
