namespace SocialProtection.Bot.Workshop.Core.QuestionSummaries;

/// <summary>
/// An idea as a summary shows it: what several participants said (<see cref="Label"/>, a whole phrase from one of their
/// answers), how many said it, one or two representative answers, and every answer grouped under it so a facilitator
/// can see why.
/// </summary>
/// <param name="Quotes">The one or two answers closest to the idea's centre, shortened at word boundaries.</param>
/// <param name="Answers">Every answer behind the idea, in respondent order, each shortened around its point.</param>
internal sealed record IdeaSummary(string Label, int ParticipantCount, IReadOnlyList<IdeaAnswer> Quotes, IReadOnlyList<IdeaAnswer> Answers);
