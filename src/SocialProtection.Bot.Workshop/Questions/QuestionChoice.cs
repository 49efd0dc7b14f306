using SocialProtection.Bot.Workshop.Localization;

namespace SocialProtection.Bot.Workshop.Questions;

/// <summary>One option of a choice question; <see cref="Value"/> is what is stored.</summary>
public sealed record QuestionChoice(string Value, LocalizedText Label);
