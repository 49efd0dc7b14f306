namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// Which workshop a user's personal chat belongs to: the one they last joined from a channel, else the configured
/// default workshop (Workshop:DefaultWorkshopId). Throws <see cref="SocialProtection.Bot.Storage.StorageUnavailableException"/>
/// or <see cref="SocialProtection.Bot.Storage.StoredDataCorruptException"/> when it cannot tell.
/// </summary>
public interface IParticipantWorkshopResolver
{
    Task<ParticipantWorkshop> ResolveAsync(string userKey, CancellationToken cancellationToken);
}
