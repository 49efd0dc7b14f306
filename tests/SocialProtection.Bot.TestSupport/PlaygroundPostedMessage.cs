namespace SocialProtection.Bot.TestSupport;

/// <summary>What the Playground answered when a test posted a user's message (before the bot was even called).</summary>
/// <param name="MessageId">The id of the user's message.</param>
/// <param name="PostConversationId">For a new channel post: the thread's conversation id (<c>{channel};messageid={root}</c>).</param>
public sealed record PlaygroundPostedMessage(string MessageId, DateTimeOffset? Timestamp, string? PostConversationId);
