using System.Text.Json;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>
/// One question of a set as its kind reads its own properties (<see cref="QuestionKind.Define"/>). Each read checks
/// the value; a problem is collected with its JSON path and the fallback returned, so the loader lists every problem.
/// </summary>
internal sealed class QuestionDefinition(QuestionSetLoader.Reader reader, JsonElement element, string path)
{
    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int Integer(string name, int min, int max, int fallback) => reader.Integer(element, path, name, required: false, min, max, fallback);

    /// <summary>An optional text with its Thai and English versions.</summary>
    public LocalizedText? Text(string name, int maxLength) => reader.Text(element, path, name, required: false, maxLength);

    /// <summary>An optional true or false (false when absent).</summary>
    public bool Flag(string name) => reader.Flag(element, path, name);

    /// <summary>The required "choices": 2 to 20 options, each a unique value and a label.</summary>
    public List<QuestionChoice> Choices() => reader.Choices(element, path);

    /// <summary>A problem with the property <paramref name="name"/> (a rule between properties).</summary>
    public void Error(string name, string message) => reader.Error($"{path}.{name}", message);
}
