using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>
/// Keeps the summary that was posted, so a facilitator (or the report) sees exactly what the channel saw. Stored in
/// <see cref="SummaryJson"/> form; the newest posting replaces the one before.
/// </summary>
internal sealed class GroupSummaryStore(IObjectStore store)
{
    public async Task SaveAsync(GroupSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var key = SummaryKeys.Summary(summary.WorkshopId, summary.GroupId);
        // A whole replacement, not a read-modify-write: nothing can be lost, so no condition is needed.
        await store.PutAsync(key, new BinaryData(SummaryJson.SerializeToUtf8Bytes(summary)), WriteCondition.None, cancellationToken);
    }

    public async Task<GroupSummary?> GetAsync(string workshopId, string? groupId, CancellationToken cancellationToken)
    {
        var key = SummaryKeys.Summary(workshopId, groupId);
        var stored = await store.GetAsync(key, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        try
        {
            return SummaryJson.Deserialize(stored.Content.ToString())
                ?? throw new StoredDataCorruptException(key, "it holds JSON null");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new StoredDataCorruptException(key, $"it is not a valid summary ({e.Message})", e);
        }
    }
}
