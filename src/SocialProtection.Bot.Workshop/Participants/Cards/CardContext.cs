using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>What every card is rendered from: the record as saved, its question set, the reader's language and Teams id.</summary>
internal sealed record CardContext(ParticipantRecord Record, QuestionSet Set, Language Language, string UserId, TextCatalog Text)
{
    public string T(string key, params string[] args) => Text.Format(key, Language, args);
}
