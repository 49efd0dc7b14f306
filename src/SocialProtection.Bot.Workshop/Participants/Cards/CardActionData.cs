using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>
/// A pressed button's data, read strictly: every field has the type the bot's own cards give it, and a field the
/// bot never puts on a card (such as someone's user id) makes the whole submission invalid. Nothing here is
/// trusted: it only says which button the participant says they pressed.
/// </summary>
internal sealed record CardActionData(string Verb, string? QuestionId, long? Revision, string? Answer, int? Index, Language? Language)
{
    public const int MaxIndex = 999;

    /// <summary>The commitment card's three fields, when the pressed button sent them (null from any other card).</summary>
    public CommitmentForm? Commitment { get; init; }

    /// <summary>The data, or null (with the reason for the log) when it is not what the bot's cards send.</summary>
    public static CardActionData? Parse(string verb, JsonElement data, out string? problem)
    {
        problem = null;
        if (!CardVerbs.All.Contains(verb))
        {
            problem = "unknown verb";
            return null;
        }
        if (data.ValueKind != JsonValueKind.Object)
        {
            problem = "data is not an object";
            return null;
        }
        string? questionId = null, answer = null, action = null, organisation = null, dueDate = null;
        var form = false;
        long? revision = null;
        int? index = null;
        Language? language = null;
        foreach (var property in data.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case CardDataFields.Verb when value.ValueKind == JsonValueKind.String && value.GetString() == verb:
                case CardDataFields.Workshop when CardWorkshopClaim.Read(value) is not null:
                case CardDataFields.Teams:
                    break;
                case CardDataFields.QuestionId when value.ValueKind == JsonValueKind.String
                                                  && value.GetString() is { Length: > 0 and <= QuestionLimits.MaxIdLength } id:
                    questionId = id;
                    break;
                case CardDataFields.Revision when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var rev) && rev >= 0:
                    revision = rev;
                    break;
                case CardDataFields.Answer when value.ValueKind == JsonValueKind.String:
                    answer = value.GetString();
                    break;
                case CardDataFields.CommitmentAction when value.ValueKind == JsonValueKind.String:
                    action = value.GetString();
                    form = true;
                    break;
                case CardDataFields.CommitmentOrganisation when value.ValueKind == JsonValueKind.String:
                    organisation = value.GetString();
                    form = true;
                    break;
                case CardDataFields.CommitmentDueDate when value.ValueKind == JsonValueKind.String:
                    dueDate = value.GetString();
                    form = true;
                    break;
                case CardDataFields.Index when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) && i is >= 0 and <= MaxIndex:
                    index = i;
                    break;
                case CardDataFields.Language when value.ValueKind == JsonValueKind.String && LanguageCodes.TryParse(value.GetString(), out var l)
                                                  && value.GetString()!.Length == 2:
                    language = l;
                    break;
                default:
                    problem = "a field is unexpected or has the wrong type";
                    return null;
            }
        }
        return new CardActionData(verb, questionId, revision, answer, index, language)
        {
            Commitment = form ? new CommitmentForm(action, organisation, dueDate) : null,
        };
    }
}
