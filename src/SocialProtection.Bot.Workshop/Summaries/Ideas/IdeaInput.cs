namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>One answer to group into ideas.</summary>
/// <param name="ParticipantKey">Who wrote it (any stable opaque key): an idea counts each participant once.</param>
/// <param name="Text">The answer as written.</param>
internal sealed record IdeaInput(string ParticipantKey, string Text);
