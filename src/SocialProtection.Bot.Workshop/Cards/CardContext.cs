using SocialProtection.Bot.Workshop.Localization;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Questions;

namespace SocialProtection.Bot.Workshop.Cards;

/// <summary>What every card is rendered from: the record as saved, its question set, the reader's language and Teams id.</summary>
public sealed record CardContext(ParticipantRecord Record, QuestionSet Set, Language Language, string UserId, UiText Text)
{
    public string T(string key, params string[] args) => Text.Format(key, Language, args);
}
