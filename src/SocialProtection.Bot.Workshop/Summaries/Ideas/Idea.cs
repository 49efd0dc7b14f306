namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// Something several participants said, as a facilitator would write it on the wall.
/// </summary>
/// <param name="Label">A whole phrase from one of the answers (it starts and ends at word boundaries of that answer and on a topic word).</param>
/// <param name="ParticipantCount">How many distinct participants said it.</param>
/// <param name="Quotes">One or two of the answers closest to the idea's centre, shortened at word boundaries.</param>
/// <param name="Answers">Every answer grouped under the idea, in input order, each shortened around the point that made it belong.</param>
internal sealed record Idea(string Label, int ParticipantCount, IReadOnlyList<IdeaExcerpt> Quotes, IReadOnlyList<IdeaExcerpt> Answers);

/// <summary>A piece of one answer: which input it is (its index in the list given), and the text shown.</summary>
internal sealed record IdeaExcerpt(int Input, string Text);
