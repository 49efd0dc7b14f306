using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>One participant's answer to a long-text question, exactly as written.</summary>
internal sealed record TextAnswer(Respondent Respondent, string Text);
