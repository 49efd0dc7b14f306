namespace SocialProtection.Bot.Workshop.Core.Users;

/// <summary>
/// A user's profile as read, with the ETag to write it back over; <see cref="ETag"/> is null when no profile is stored
/// yet (then <see cref="Value"/> is empty, or what their documents from before the profile held), and a write creates it.
/// </summary>
internal sealed record UserProfileSnapshot(UserProfile Value, string? ETag);
