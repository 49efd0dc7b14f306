using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>The option values one participant chose, in the question set's order.</summary>
internal sealed record ChoiceAnswer(Respondent Respondent, IReadOnlyList<string> Values);
