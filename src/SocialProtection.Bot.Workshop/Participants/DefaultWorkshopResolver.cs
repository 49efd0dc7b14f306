using Microsoft.Extensions.Options;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// Every personal chat answers into Workshop:DefaultWorkshopId with the configured question set: the participant
/// dialog on its own. The facilitator side replaces it with the resolver that follows joins from channels.
/// </summary>
public sealed class DefaultWorkshopResolver(IQuestionSetProvider sets, IOptions<ParticipantOptions> options) : IParticipantWorkshopResolver
{
    public Task<ParticipantWorkshop> ResolveAsync(string userKey, CancellationToken cancellationToken) =>
        Task.FromResult(Default);

    public Task<ParticipantWorkshop?> FindAsync(string workshopId, CancellationToken cancellationToken) =>
        Task.FromResult(workshopId == options.Value.DefaultWorkshopId ? Default : null);

    private ParticipantWorkshop Default =>
        new(options.Value.DefaultWorkshopId, sets.ForWorkshop(options.Value.DefaultWorkshopId), IsClosed: false,
            LanguageCodes.ParseOrDefault(options.Value.DefaultLanguage, Language.Thai));
}
