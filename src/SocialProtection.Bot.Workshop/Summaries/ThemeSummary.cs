using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>A word or phrase that recurs across answers, and how many different participants used it.</summary>
public sealed record ThemeSummary(string Phrase, int ParticipantCount);
