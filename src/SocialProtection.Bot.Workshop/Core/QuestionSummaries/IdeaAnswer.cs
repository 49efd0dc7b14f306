namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>A piece of one answer behind an idea: who gave it, to which question, and the words shown (user text).</summary>
internal sealed record IdeaAnswer(Respondent Respondent, string QuestionId, string Text);
