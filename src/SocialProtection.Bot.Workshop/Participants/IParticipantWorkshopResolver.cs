using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// Which workshop a user's personal chat belongs to: the one they last joined from a channel (their profile's
/// <see cref="UserProfile.Joined"/>), else the configured default workshop (Workshop:DefaultWorkshopId). Throws <see cref="SocialProtection.Bot.Storage.StorageUnavailableException"/>
/// or <see cref="SocialProtection.Bot.Storage.StoredDataCorruptException"/> when it cannot tell.
/// </summary>
internal interface IParticipantWorkshopResolver
{
    Task<ParticipantWorkshop> ResolveAsync(ActiveWorkshop? joined, CancellationToken cancellationToken);

    /// <summary>
    /// The workshop <paramref name="workshopId"/> (named by a pressed card), looked up without reading the user's
    /// pointer, so a card press costs one storage read fewer; its status may be a few seconds old. Null when there is
    /// no such workshop. The caller must still check the user has a record there: the id is only the card's claim.
    /// </summary>
    Task<ParticipantWorkshop?> FindAsync(string workshopId, CancellationToken cancellationToken);
}
