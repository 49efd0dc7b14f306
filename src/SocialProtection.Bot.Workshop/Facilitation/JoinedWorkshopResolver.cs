using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Users;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// A personal chat answers into the workshop the user last joined from a channel, with that workshop's question set;
/// a user who never joined one answers into Workshop:DefaultWorkshopId with the configured set.
/// </summary>
internal sealed partial class JoinedWorkshopResolver(
    WorkshopStore workshops,
    QuestionSetCatalog sets,
    IOptions<ParticipantOptions> options,
    ILogger<JoinedWorkshopResolver> logger) : IParticipantWorkshopResolver
{
    public async Task<ParticipantWorkshop> ResolveAsync(ActiveWorkshop? joined, CancellationToken cancellationToken)
    {
        if (joined is null)
        {
            return Default;
        }
        if (await workshops.GetRecentAsync(joined.WorkshopId, cancellationToken) is not { } workshop)
        {
            // The workshop was removed: the user is as if they never joined.
            LogMissingWorkshop(logger, joined.WorkshopId);
            return Default;
        }
        return Describe(workshop);
    }

    public async Task<ParticipantWorkshop?> FindAsync(string workshopId, CancellationToken cancellationToken)
    {
        if (workshopId == options.Value.DefaultWorkshopId)
        {
            return Default;
        }
        return WorkshopIds.IsValid(workshopId) && await workshops.GetRecentAsync(workshopId, cancellationToken) is { } workshop
            ? Describe(workshop)
            : null;
    }

    private ParticipantWorkshop Default => new(options.Value.DefaultWorkshopId, sets.Default, IsClosed: false,
        LanguageCodes.ParseOrDefault(options.Value.DefaultLanguage, Language.Thai));

    private ParticipantWorkshop Describe(WorkshopRecord workshop)
    {
        // Answers must never land under another set than the workshop's: refuse rather than guess.
        var set = sets.Find(workshop.QuestionSetId)
            ?? throw new StoredDataCorruptException(WorkshopKeys.Workshop(workshop.Id), $"it asks question set '{workshop.QuestionSetId}', which this bot does not have");
        return new ParticipantWorkshop(workshop.Id, set, !workshop.IsOpen, LanguageCodes.ParseOrDefault(workshop.Language, Language.Thai));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A user's joined workshop {WorkshopId} no longer exists; using the default workshop")]
    private static partial void LogMissingWorkshop(ILogger logger, string workshopId);
}
