using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>One option of a choice question; <see cref="Value"/> is what is stored.</summary>
internal sealed record QuestionChoice(string Value, LocalizedText Label);
