using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>
/// Reads a question set from JSON and refuses it, listing every problem with its JSON path, when it is not
/// something the dialog can ask: duplicate ids, a missing translation, a choice question without choices,
/// an unknown kind or property, limits out of range. Each kind reads its own properties (<see cref="QuestionKind.Define"/>);
/// the kinds a set may use are <see cref="QuestionKinds.BuiltIn"/> unless others are given.
/// </summary>
internal static partial class QuestionSetLoader
{
    public const string DefaultResourceName = "SocialProtection.Bot.Workshop.Questions.default-question-set.json";

    private static readonly Lazy<QuestionSet> Default = new(() =>
    {
        using var stream = typeof(QuestionSetLoader).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{DefaultResourceName}' is missing.");
        return Load(stream, "default");
    });

    /// <summary>The set that ships with the bot (Questions/default-question-set.json).</summary>
    public static QuestionSet LoadDefault() => Default.Value;

    public static QuestionSet LoadFile(string path, QuestionKinds? kinds = null)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path, kinds);
    }

    public static QuestionSet Load(Stream json, string source, QuestionKinds? kinds = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new QuestionSetValidationException(source, [new QuestionSetError(
                "$", string.Create(CultureInfo.InvariantCulture, $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).")
            )]);
        }
        using (document)
        {
            var reader = new Reader(kinds ?? QuestionKinds.BuiltIn);
            var set = reader.ReadSet(document.RootElement);
            if (reader.Errors.Count > 0 || set is null)
            {
                throw new QuestionSetValidationException(source, reader.Errors);
            }
            return set;
        }
    }

    public static QuestionSet Load(string json, string source, QuestionKinds? kinds = null)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(stream, source, kinds);
    }

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceValuePattern();

    /// <summary>Walks the document once, collecting every problem instead of stopping at the first.</summary>
    internal sealed class Reader(QuestionKinds kinds)
    {
        private static readonly string[] SetProperties = ["id", "version", "title", "introduction", "questions"];

        private static readonly string[] CommonQuestionProperties = ["id", "kind", "required", "text", "help"];

        public List<QuestionSetError> Errors { get; } = [];

        public QuestionSet? ReadSet(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "must be a JSON object.");
                return null;
            }
            UnknownProperties(root, "$", SetProperties);
            var id = Id(root, "$", "id");
            var version = Integer(root, "$", "version", required: true, min: 1, max: int.MaxValue, fallback: 1);
            var title = Text(root, "$", "title", required: true, QuestionLimits.MaxQuestionTextLength);
            var introduction = Text(root, "$", "introduction", required: false, QuestionLimits.MaxHelpLength);
            var questions = Questions(root);
            return id is null || title is null || questions is null
                ? null
                : new QuestionSet { Id = id, Version = version, Title = title, Introduction = introduction, Questions = questions };
        }

        private List<Question>? Questions(JsonElement root)
        {
            if (!root.TryGetProperty("questions", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                Error("$.questions", "is required and must be an array of questions.");
                return null;
            }
            var count = array.GetArrayLength();
            if (count is 0 or > QuestionLimits.MaxQuestions)
            {
                Error("$.questions", $"must hold 1 to {QuestionLimits.MaxQuestions} questions (it holds {count}).");
            }
            var questions = new List<Question>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"$.questions[{index}]";
                var question = ReadQuestion(element, path);
                if (question is not null)
                {
                    if (seen.TryGetValue(question.Id, out var first))
                    {
                        Error($"{path}.id", $"'{question.Id}' is already the id of $.questions[{first}]; ids must be unique.");
                    }
                    else
                    {
                        seen[question.Id] = index;
                    }
                    questions.Add(question);
                }
                index++;
            }
            return questions;
        }

        private Question? ReadQuestion(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "must be a JSON object.");
                return null;
            }
            var id = Id(element, path, "id");
            var kind = Kind(element, path);
            var required = element.TryGetProperty("required", out var r) && r.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? r.GetBoolean()
                : Missing<bool>(path + ".required", "is required and must be true or false.");
            var text = Text(element, path, "text", required: true, QuestionLimits.MaxQuestionTextLength);
            var help = Text(element, path, "help", required: false, QuestionLimits.MaxHelpLength);
            if (kind is not { } k)
            {
                return null;
            }
            UnknownProperties(element, path, [.. CommonQuestionProperties, .. k.Properties]);

            var question = k.Define(
                new Question { Id = id ?? "", Kind = k, Required = required, Text = text ?? new LocalizedText("", ""), Help = help },
                new QuestionDefinition(this, element, path));
            return id is null || text is null ? null : question;
        }

        public bool Flag(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return false;
            }
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Error($"{path}.{name}", "must be true or false.");
                return false;
            }
            return value.GetBoolean();
        }

        public List<QuestionChoice> Choices(JsonElement element, string path)
        {
            var choices = new List<QuestionChoice>();
            if (!element.TryGetProperty("choices", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                Error(path + ".choices", "is required for a choice question and must be an array.");
                return choices;
            }
            var count = array.GetArrayLength();
            if (count is < QuestionLimits.MinChoices or > QuestionLimits.MaxChoices)
            {
                Error(path + ".choices", $"must hold {QuestionLimits.MinChoices} to {QuestionLimits.MaxChoices} choices (it holds {count}).");
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var choice in array.EnumerateArray())
            {
                var choicePath = $"{path}.choices[{index++}]";
                if (choice.ValueKind != JsonValueKind.Object)
                {
                    Error(choicePath, "must be a JSON object with a value and a label.");
                    continue;
                }
                UnknownProperties(choice, choicePath, ["value", "label"]);
                string? value = null;
                if (!choice.TryGetProperty("value", out var v) || v.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(v.GetString()))
                {
                    Error(choicePath + ".value", "is required and must be a non-empty string.");
                }
                else if (v.GetString() is { } s && (s.Length > QuestionLimits.MaxIdLength || !ChoiceValuePattern().IsMatch(s)))
                {
                    Error(choicePath + ".value", $"'{s}' must be 1 to {QuestionLimits.MaxIdLength} of A-Z, a-z, 0-9, '_' or '-' (no commas: multiple choices are sent comma-separated).");
                }
                else if (!seen.Add(v.GetString()!))
                {
                    Error(choicePath + ".value", $"'{v.GetString()}' appears twice; choice values must be unique.");
                }
                else
                {
                    value = v.GetString();
                }
                var label = Text(choice, choicePath, "label", required: true, QuestionLimits.MaxChoiceLabelLength);
                if (value is not null && label is not null)
                {
                    choices.Add(new QuestionChoice(value, label));
                }
            }
            return choices;
        }

        private QuestionKind? Kind(JsonElement element, string path)
        {
            if (!element.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
            {
                Error(path + ".kind", "is required: one of " + kinds.Names + ".");
                return null;
            }
            var name = kind.GetString();
            if (kinds.Find(name) is { } known)
            {
                return known;
            }
            Error(path + ".kind", $"'{name}' is not a known kind; use one of {kinds.Names}.");
            return null;
        }

        private string? Id(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
            {
                Error($"{path}.{name}", "is required and must be a non-empty string.");
                return null;
            }
            var value = id.GetString()!;
            if (value.Length > QuestionLimits.MaxIdLength || !IdPattern().IsMatch(value))
            {
                Error($"{path}.{name}", $"'{value}' must start with a letter and be at most {QuestionLimits.MaxIdLength} of A-Z, a-z, 0-9, '_' or '-'.");
                return null;
            }
            return value;
        }

        public LocalizedText? Text(JsonElement element, string path, string name, bool required, int maxLength)
        {
            var textPath = $"{path}.{name}";
            if (!element.TryGetProperty(name, out var text))
            {
                if (required)
                {
                    Error(textPath, "is required: an object with \"th\" and \"en\" texts.");
                }
                return null;
            }
            if (text.ValueKind != JsonValueKind.Object)
            {
                Error(textPath, "must be an object with \"th\" and \"en\" texts.");
                return null;
            }
            UnknownProperties(text, textPath, ["th", "en"]);
            var th = Translation(text, textPath, "th", maxLength);
            var en = Translation(text, textPath, "en", maxLength);
            return th is null || en is null ? null : new LocalizedText(th, en);
        }

        private string? Translation(JsonElement text, string path, string language, int maxLength)
        {
            if (!text.TryGetProperty(language, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Error($"{path}.{language}", $"the {(language == "th" ? "Thai" : "English")} translation is missing or empty.");
                return null;
            }
            var s = value.GetString()!;
            if (s.Length > maxLength)
            {
                Error($"{path}.{language}", $"is {s.Length} characters long; at most {maxLength} are allowed.");
                return null;
            }
            return s;
        }

        public int Integer(JsonElement element, string path, string name, bool required, int min, int max, int fallback)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    Error($"{path}.{name}", "is required and must be a whole number.");
                }
                return fallback;
            }
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                Error($"{path}.{name}", "must be a whole number.");
                return fallback;
            }
            if (number < min || number > max)
            {
                Error($"{path}.{name}", max == int.MaxValue ? $"must be at least {min} (it is {number})." : $"must be from {min} to {max} (it is {number}).");
                return fallback;
            }
            return number;
        }

        private void UnknownProperties(JsonElement element, string path, IReadOnlyCollection<string> known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    Error($"{path}.{property.Name}", $"is not a known property here (known: {string.Join(", ", known)}).");
                }
            }
        }

        private T? Missing<T>(string path, string message)
        {
            Error(path, message);
            return default;
        }

        public void Error(string path, string message) => Errors.Add(new QuestionSetError(path, message));
    }
}
