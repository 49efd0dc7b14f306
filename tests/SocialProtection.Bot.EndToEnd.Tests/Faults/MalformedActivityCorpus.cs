using System.Text;
using System.Text.Json.Nodes;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;

namespace SocialProtection.Bot.EndToEnd.Tests.Faults;

/// <summary>One malformed request: a name for the failure message, the raw body, and the status it must get if a specific one.</summary>
public sealed record MalformedCase(string Name, byte[] Body, int? ExpectedStatus = null)
{
    /// <summary>
    /// An invoke whose name no handler takes may be answered 501 Not Implemented: the protocol's answer for it (as in
    /// teams.net and BotBuilder's ActivityHandler), which the channel understands; it is no fault of the bot.
    /// </summary>
    public bool MayBeNotImplemented { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// Generates malformed activities and card payloads from a seed: every field of a valid message and a valid card
/// press replaced by each wrong JSON type, huge and deep values, broken UTF-16 and UTF-8, missing ids, and card data
/// that is wrong, huge, unknown or names another user.
/// </summary>
public static class MalformedActivityCorpus
{
    private static readonly string[] ActivityPaths =
    [
        "type", "id", "timestamp", "channelId", "serviceUrl", "locale", "text", "name", "replyToId", "value",
        "from", "from.id", "from.name", "from.aadObjectId", "recipient", "recipient.id",
        "conversation", "conversation.id", "conversation.conversationType", "conversation.tenantId", "conversation.isGroup",
        "channelData", "channelData.tenant", "channelData.tenant.id", "entities", "attachments", "membersAdded",
    ];

    private static readonly string[] CardFields = ["verb", "questionId", "revision", "answer", "index", "language"];

    private static readonly string[] InvokePaths =
    [
        "value.action", "value.action.type", "value.action.verb", "value.action.data", "value.trigger",
        "value.action.data.questionId", "value.action.data.revision", "value.action.data.answer",
        "value.action.data.index", "value.action.data.language", "value.action.data.verb",
    ];

    /// <summary>The cases for <paramref name="attacker"/>, whose card data may name <paramref name="victim"/>.</summary>
    public static IEnumerable<MalformedCase> Generate(TeamsUser attacker, TeamsUser victim, int seed)
    {
        var random = new Random(seed);
        foreach (var path in ActivityPaths)
        {
            foreach (var (label, value) in WrongValues(random))
            {
                yield return Case($"message {path} = {label}", Mutated(Message(attacker), path, value));
            }
        }
        foreach (var path in ActivityPaths.Concat(InvokePaths))
        {
            foreach (var (label, value) in WrongValues(random))
            {
                yield return Case($"invoke {path} = {label}", Mutated(Press(attacker, "lesson.answer"), path, value)) with { MayBeNotImplemented = path == "name" };
            }
        }

        // Missing pieces.
        foreach (var path in ActivityPaths.Concat(InvokePaths))
        {
            yield return Case($"invoke without {path}", Removed(Press(attacker, "lesson.answer"), path)) with { MayBeNotImplemented = path == "name" };
        }
        yield return Case("invoke with unknown name", Mutated(Press(attacker, "lesson.answer"), "name", JsonValue.Create("composeExtension/query"))) with { MayBeNotImplemented = true };

        // Huge strings: over the request limit, and large but within it.
        yield return new MalformedCase("1 MB text", Utf8(Message(attacker, new string('ก', 350_000))), 413);
        yield return new MalformedCase("1 MB answer", Utf8(Press(attacker, "lesson.answer", new string('x', 1_100_000))), 413);
        yield return Case("200 KB text", Message(attacker, new string('a', 200_000)));
        yield return Case("200 KB answer", Press(attacker, "lesson.answer", new string('x', 200_000)));
        yield return Case("200 KB verb", Press(attacker, new string('v', 200_000)));
        yield return Case("200 KB question id", Mutated(Press(attacker, "lesson.answer"), "value.action.data.questionId", JsonValue.Create(new string('q', 200_000))));
        yield return Case("200 KB from.id", Mutated(Message(attacker), "from.id", JsonValue.Create(new string('9', 200_000))));
        yield return Case("200 KB conversation id", Mutated(Message(attacker), "conversation.id", JsonValue.Create("a:" + new string('c', 200_000))));
        yield return Case("50 000 properties in data", Mutated(Press(attacker, "lesson.answer"), "value.action.data",
            new JsonObject(Enumerable.Range(0, 50_000).Select(k => KeyValuePair.Create<string, JsonNode?>($"k{k}", k)))));

        // Deep nesting, as raw text (JsonNode would refuse to build it).
        foreach (var depth in new[] { 65, 1_000, 10_000 })
        {
            yield return RawCase($"card data nested {depth} deep", Press(attacker, "lesson.answer", "__deep__"), "\"__deep__\"", new string('[', depth) + new string(']', depth));
            yield return RawCase($"value nested {depth} deep", Mutated(Message(attacker), "value", JsonValue.Create("__deep__")), "\"__deep__\"", Nested(depth));
        }

        // Broken UTF-16 (lone surrogate escapes) in every string the bot reads, and invalid UTF-8 bytes.
        foreach (var escape in new[] { "\\ud800", "\\udfff", "\\ud800\\ud800", "x\\udc00y" })
        {
            yield return RawCase($"text {escape}", Message(attacker, "__s__"), "\"__s__\"", $"\"{escape}\"");
            yield return RawCase($"answer {escape}", Press(attacker, "lesson.answer", "__s__"), "\"__s__\"", $"\"{escape}\"");
            yield return RawCase($"verb {escape}", Press(attacker, "__s__"), "\"__s__\"", $"\"{escape}\"");
            yield return RawCase($"from.id {escape}", Mutated(Message(attacker), "from.id", JsonValue.Create("__s__")), "\"__s__\"", $"\"29:{escape}\"");
            yield return RawCase($"aadObjectId {escape}", Mutated(Message(attacker), "from.aadObjectId", JsonValue.Create("__s__")), "\"__s__\"", $"\"{escape}\"");
            yield return RawCase($"conversation.id {escape}", Mutated(Message(attacker), "conversation.id", JsonValue.Create("__s__")), "\"__s__\"", $"\"a:{escape}\"");
            yield return RawCase($"locale {escape}", Mutated(Message(attacker), "locale", JsonValue.Create("__s__")), "\"__s__\"", $"\"{escape}\"");
            yield return RawCase($"property name {escape}", Press(attacker, "lesson.answer"), "\"answer\"", $"\"{escape}\"");
        }
        foreach (var bytes in new[] { new byte[] { 0xFF }, [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE0, 0xB8], [0xF8, 0x88, 0x80, 0x80, 0x80] })
        {
            var label = Convert.ToHexString(bytes);
            yield return BytesCase($"text bytes {label}", Message(attacker, "__b__"), bytes);
            yield return BytesCase($"answer bytes {label}", Press(attacker, "lesson.answer", "__b__"), bytes);
        }

        // Not an activity at all.
        foreach (var (label, body) in new[]
        {
            ("empty body", ""), ("null", "null"), ("array", "[]"), ("array of activities", "[{\"type\":\"message\"}]"), ("number", "42"),
            ("string", "\"message\""), ("truncated", "{\"type\":\"message\",\"text\":\"ab"), ("trailing garbage", "{\"type\":\"message\"} x"),
            ("comment", "/* */ {\"type\":\"message\"}"), ("duplicate keys", "{\"type\":\"message\",\"type\":\"invoke\"}"), ("BOM only", "\uFEFF"),
            ("NaN", "{\"type\":NaN}"), ("single quotes", "{'type':'message'}"), ("empty object", "{}"),
        })
        {
            yield return new MalformedCase(label, Encoding.UTF8.GetBytes(body));
        }

        // Card data: unknown verbs, other users' ids, wrong and huge values.
        foreach (var verb in new[] { "", "lesson", "lesson.answer ", "LESSON.ANSWER", "lesson.delete", "admin.reset", "summary.vote", "../lesson.answer", "lesson.answer\u0000" })
        {
            yield return Case($"verb '{verb.Replace("\u0000", "\\0", StringComparison.Ordinal)}'", Press(attacker, verb));
        }
        foreach (var field in new[] { "userId", "aadObjectId", "from", "participantId", "teamsId", "user", "workshopId" })
        {
            yield return Case($"data.{field} = victim's aad id", Mutated(Press(attacker, "lesson.answer"), $"value.action.data.{field}", JsonValue.Create(victim.AadObjectId)));
            yield return Case($"data.{field} = victim's teams id", Mutated(Press(attacker, "lesson.answer"), $"value.action.data.{field}", JsonValue.Create(victim.Id)));
        }
        foreach (var (label, value) in new (string, JsonNode?)[]
        {
            ("revision -1", -1), ("revision max", long.MaxValue), ("revision 1e300", 1e300), ("revision 1.5", 1.5), ("index 1000", 1000),
            ("index -1", -1), ("index max", int.MaxValue),
        })
        {
            var field = label.Split(' ')[0];
            yield return Case($"data {label}", Mutated(Press(attacker, "lesson.answer"), $"value.action.data.{field}", value));
        }
        yield return Case("question id of the victim's key", Mutated(Press(attacker, "lesson.answer"), "value.action.data.questionId", JsonValue.Create($"default/participants/{victim.AadObjectId}")));
        yield return Case("question id unknown", Mutated(Press(attacker, "lesson.answer"), "value.action.data.questionId", JsonValue.Create("noSuchQuestion")));
        foreach (var verb in new[] { "lesson.answer", "lesson.back", "lesson.skip", "lesson.later", "lesson.submit", "lesson.commitment.add", "lesson.refresh" })
        {
            // The victim's own card data, pressed by the attacker: it can only ever act on the attacker's record.
            var forged = Press(attacker, verb, "คำตอบปลอม");
            forged["value"]!["action"]!["data"]!["questionId"] = "goodPractices";
            forged["value"]!["action"]!["data"]!["revision"] = 1;
            yield return Case($"victim's card data via {verb}", forged);
            var impersonated = Mutated(Press(attacker, verb, "คำตอบปลอม"), "conversation.id", JsonValue.Create(victim.ConversationId));
            yield return Case($"attacker in the victim's conversation via {verb}", impersonated);
        }
        for (var k = 0; k < 40; k++)
        {
            yield return Case($"random data {k}", Mutated(Press(attacker, "lesson.answer"), "value.action.data", RandomNode(random, 4)));
        }
    }

    private static IEnumerable<(string Label, JsonNode? Value)> WrongValues(Random random)
    {
        yield return ("null", null);
        yield return ("number", 42);
        yield return ("negative float", -1.5e300);
        yield return ("true", true);
        yield return ("empty string", "");
        yield return ("whitespace", " \t\n");
        yield return ("array", new JsonArray(1, "a", null));
        yield return ("object", new JsonObject { ["x"] = 1 });
        yield return ("control characters", "\u0000\u0001\u001f\u007f\u202e");
        yield return ("random", RandomNode(random, 3));
    }

    private static JsonNode? RandomNode(Random random, int depth) => (depth <= 0 ? random.Next(5) : random.Next(7)) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.NextDouble() < 0.5 ? random.NextInt64(long.MinValue, long.MaxValue) : random.NextDouble() * 1e308,
        3 => RandomString(random, random.Next(0, 40)),
        4 => "lesson." + RandomString(random, 6),
        5 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomNode(random, depth - 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(k =>
            KeyValuePair.Create(random.Next(3) == 0 ? CardFields[random.Next(CardFields.Length)] : RandomString(random, 5) + k,
                RandomNode(random, depth - 1))).DistinctBy(property => property.Key)),
    };

    private static string RandomString(Random random, int length)
    {
        // Thai, Latin, digits, punctuation and emoji halves made whole: valid text that is nonsense.
        const string alphabet = "abcXYZ019กขคงจฉ๑๒๓ \"\\/<>{}[]:,'\t\n🙂";
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            var c = alphabet[random.Next(alphabet.Length)];
            builder.Append(char.IsSurrogate(c) ? "🙂" : c.ToString());
        }
        return builder.ToString();
    }

    public static JsonObject Message(TeamsUser user, string text = "สวัสดี") => user.Activity("message", TeamsUser.NewActivityId(), text: text);

    public static JsonObject Press(TeamsUser user, string verb, string answer = "คำตอบ")
    {
        var value = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = verb,
                ["data"] = new JsonObject { ["verb"] = verb, ["questionId"] = "goodPractices", ["revision"] = 2, ["answer"] = answer },
            },
            ["trigger"] = "manual",
        };
        return user.Activity("invoke", TeamsUser.NewActivityId(), name: "adaptiveCard/action", value: value);
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static JsonObject Mutated(JsonObject activity, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode parent = activity;
        foreach (var part in parts[..^1])
        {
            if (parent[part] is not JsonObject child)
            {
                child = new JsonObject();
                parent[part] = child;
            }
            parent = child;
        }
        parent[parts[^1]] = value?.DeepClone();
        return activity;
    }

    private static JsonObject Removed(JsonObject activity, string path)
    {
        var parts = path.Split('.');
        JsonNode? parent = activity;
        foreach (var part in parts[..^1])
        {
            parent = parent?[part];
        }
        (parent as JsonObject)?.Remove(parts[^1]);
        return activity;
    }

    private static MalformedCase Case(string name, JsonObject activity) => new(name, Utf8(activity));

    private static MalformedCase RawCase(string name, JsonObject activity, string placeholder, string replacement)
    {
        var text = activity.ToJsonString();
        var at = text.IndexOf(placeholder, StringComparison.Ordinal);
        var json = text[..at] + replacement + text[(at + placeholder.Length)..];
        return new MalformedCase(name, Encoding.UTF8.GetBytes(json));
    }

    private static MalformedCase BytesCase(string name, JsonObject activity, byte[] bytes)
    {
        var text = Encoding.UTF8.GetBytes(activity.ToJsonString());
        var marker = Encoding.UTF8.GetBytes("__b__");
        var at = text.AsSpan().IndexOf(marker);
        return new MalformedCase(name, [.. text[..at], .. bytes, .. text[(at + marker.Length)..]]);
    }

    private static byte[] Utf8(JsonObject activity) => Encoding.UTF8.GetBytes(activity.ToJsonString());
}
