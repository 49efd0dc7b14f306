using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Schema;

/// <summary>The one set of JSON options for everything on the wire: camelCase, nulls omitted.</summary>
public static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Deep or hostile JSON is refused rather than recursed into.
            MaxDepth = 64,
            // A property given twice is ambiguous (which one did the channel sign off?): refuse it.
            AllowDuplicateProperties = false,
            // Thai text stays as it is instead of \uXXXX escapes, which would triple a message's size.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
