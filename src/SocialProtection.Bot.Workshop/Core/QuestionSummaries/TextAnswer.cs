namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>One participant's answer to a long-text question, exactly as written.</summary>
internal sealed record TextAnswer(Respondent Respondent, string Text);
