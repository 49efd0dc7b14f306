using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Tests.Questions;

public sealed class QuestionSetLoaderTests
{
    [Fact]
    public void The_default_set_asks_every_kind_of_question_in_Thai_and_English()
    {
        var set = QuestionSetLoader.LoadDefault();

        Assert.Equal("lesson-extraction-default", set.Id);
        Assert.True(set.Version >= 1);
        Assert.Equal(QuestionKinds.BuiltIn.All.Select(k => k.Name).Order(), set.Questions.Select(q => q.Kind.Name).Distinct().Order());
        Assert.All(set.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Text.Th) || string.IsNullOrWhiteSpace(q.Text.En)));
        Assert.Contains(set.Questions, q => q.Text.Th.Contains("จุดคานงัด", StringComparison.Ordinal));
        Assert.Contains(set.Questions, q => q.Required);
        Assert.Contains(set.Questions, q => !q.Required);
        var organisation = set.Questions[0];
        Assert.Equal(QuestionKind.SingleChoice, organisation.Kind);
        Assert.Equal(["government", "civilSociety", "otherStakeholder", "organiser"], organisation.Choices.Select(c => c.Value));
        Assert.Equal(QuestionKind.Commitments, set.Questions[^1].Kind);
    }

    [Fact]
    public void A_broken_set_is_refused_with_every_problem_and_its_JSON_path()
    {
        const string json = """
        {
          "id": "custom",
          "version": 0,
          "title": { "th": "ชุดคำถาม" },
          "questions": [
            { "id": "a", "kind": "longText", "required": true, "text": { "th": "ก", "en": "A" }, "maxLength": 50000 },
            { "id": "a", "kind": "longText", "required": true, "text": { "th": "ข", "en": "B" } },
            { "id": "c", "kind": "singleChoice", "required": false, "text": { "th": "ค", "en": "" } },
            { "id": "d", "kind": "essay", "required": true, "text": { "th": "ง", "en": "D" } },
            { "id": "e", "kind": "commitments", "required": true, "text": { "th": "จ", "en": "E" }, "minItems": 5, "maxItems": 2 },
            { "id": "f", "kind": "multiChoice", "required": true, "text": { "th": "ฉ", "en": "F" }, "requried": true,
              "choices": [ { "value": "x", "label": { "th": "x", "en": "x" } }, { "value": "x", "label": { "th": "y", "en": "y" } } ] }
          ]
        }
        """;

        var error = Assert.Throws<QuestionSetValidationException>(() => QuestionSetLoader.Load(json, "custom.json"));

        var paths = error.Errors.Select(e => e.Path).ToList();
        Assert.Contains("$.version", paths);
        Assert.Contains("$.title.en", paths);
        Assert.Contains("$.questions[0].maxLength", paths);
        Assert.Contains("$.questions[1].id", paths);
        Assert.Contains("$.questions[2].text.en", paths);
        Assert.Contains("$.questions[2].choices", paths);
        Assert.Contains("$.questions[3].kind", paths);
        Assert.Contains("$.questions[4].minItems", paths);
        Assert.Contains("$.questions[5].requried", paths);
        Assert.Contains("$.questions[5].choices[1].value", paths);
        Assert.Contains("already the id of $.questions[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("'essay' is not a known kind", error.Message, StringComparison.Ordinal);
        Assert.Contains("custom.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_refused_with_its_position()
    {
        var error = Assert.Throws<QuestionSetValidationException>(() => QuestionSetLoader.Load("{ \"id\": ", "broken.json"));
        Assert.Equal("$", Assert.Single(error.Errors).Path);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workshop_can_load_its_own_valid_set_from_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"set-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
        {
          "id": "short-set", "version": 3,
          "title": { "th": "ชุดสั้น", "en": "Short set" },
          "questions": [
            { "id": "q1", "kind": "rating", "required": true, "text": { "th": "พร้อมไหม", "en": "Ready?" } },
            { "id": "q2", "kind": "commitments", "required": false, "text": { "th": "จะทำอะไร", "en": "What will you do?" } }
          ]
        }
        """);
        try
        {
            var set = QuestionSetLoader.LoadFile(path);
            Assert.Equal(("short-set", 3, 2), (set.Id, set.Version, set.Count));
            Assert.Equal((0, QuestionLimits.DefaultMaxCommitments), (set.Questions[1].MinItems, set.Questions[1].MaxItems));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
