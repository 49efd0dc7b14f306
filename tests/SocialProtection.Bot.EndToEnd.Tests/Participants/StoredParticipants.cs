using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.EndToEnd.Tests.Participants;

/// <summary>Reads what the bot stored for a participant, straight from its store.</summary>
internal static class StoredParticipants
{
    public const string DefaultWorkshopId = "default";

    public static async Task<ParticipantRecord?> ReadAsync(BotHost bot, TeamsUser user)
    {
        var store = bot.Services.GetRequiredService<IObjectStore>();
        var stored = await store.GetAsync(WorkshopKeys.Participant(DefaultWorkshopId, user.AadObjectId), CancellationToken.None);
        return stored?.Content.ToObjectFromJson<ParticipantRecord>(StoredJson.Options);
    }

    public static async Task<IReadOnlyList<ParticipantRecord>> ReadAllAsync(BotHost bot)
    {
        var store = bot.Services.GetRequiredService<IObjectStore>();
        var records = new List<ParticipantRecord>();
        await foreach (var entry in store.ListAsync(WorkshopKeys.ParticipantsPrefix(DefaultWorkshopId), CancellationToken.None))
        {
            var stored = await store.GetAsync(entry.Key, CancellationToken.None);
            records.Add(stored!.Content.ToObjectFromJson<ParticipantRecord>(StoredJson.Options)!);
        }
        return records;
    }
}
