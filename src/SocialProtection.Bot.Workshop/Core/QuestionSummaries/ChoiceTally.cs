using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>
/// How many participants chose one option. <see cref="Known"/> is false for a stored value the question set no
/// longer offers (the set changed after people answered); it is still counted, under its raw value.
/// </summary>
internal sealed record ChoiceTally(string Value, LocalizedText Label, int Count, bool Known);
