using System.Runtime.CompilerServices;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>Reads and changes follow-up plans and partner records; every change is an optimistic, conditional update.</summary>
internal sealed class FollowUpStore
{
    private readonly IObjectStore _objects;
    private readonly JsonObjectStore _json;

    public FollowUpStore(IObjectStore objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        _objects = objects;
        _json = new JsonObjectStore(objects, StoredJson.StoreOptions());
    }

    public IObjectStore Objects => _objects;

    public JsonObjectStore Json => _json;

    public async Task<FollowUpPlan?> GetPlanAsync(string workshopId, CancellationToken cancellationToken) =>
        (await _json.ReadAsync<FollowUpPlan>(ReminderKeys.Plan(workshopId), cancellationToken))?.Value;

    public Task<UpdateResult<FollowUpPlan>> UpdatePlanAsync(string workshopId, Func<FollowUpPlan?, UpdateDecision<FollowUpPlan>> mutate, CancellationToken cancellationToken) =>
        _json.UpdateAsync(ReminderKeys.Plan(workshopId), mutate, cancellationToken);

    public Task<Versioned<PartnerFollowUp>?> ReadPartnerAsync(string workshopId, string userKey, CancellationToken cancellationToken) =>
        _json.ReadAsync<PartnerFollowUp>(ReminderKeys.Partner(workshopId, userKey), cancellationToken);

    public async Task<PartnerFollowUp?> GetPartnerAsync(string workshopId, string userKey, CancellationToken cancellationToken) =>
        (await ReadPartnerAsync(workshopId, userKey, cancellationToken))?.Value;

    public Task<UpdateResult<PartnerFollowUp>> UpdatePartnerAsync(string workshopId, string userKey, Func<PartnerFollowUp?, UpdateDecision<PartnerFollowUp>> mutate, CancellationToken cancellationToken) =>
        _json.UpdateAsync(ReminderKeys.Partner(workshopId, userKey), mutate, cancellationToken);

    /// <summary>Writes over the version read (<paramref name="etag"/>), or only if none exists (null).</summary>
    public Task<string> WritePartnerAsync(PartnerFollowUp partner, string? etag, CancellationToken cancellationToken) =>
        _json.WriteAsync(ReminderKeys.Partner(partner.WorkshopId, partner.UserKey), partner,
            etag is null ? WriteCondition.IfNotExists : WriteCondition.IfMatch(etag), cancellationToken);

    /// <summary>Every partner record of a workshop, in key order; a damaged one throws <see cref="StoredDataCorruptException"/>.</summary>
    public async IAsyncEnumerable<PartnerFollowUp> ListPartnersAsync(string workshopId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var info in _objects.ListAsync(ReminderKeys.PartnersPrefix(workshopId), cancellationToken))
        {
            if ((await _json.ReadAsync<PartnerFollowUp>(info.Key, cancellationToken))?.Value is { } partner)
            {
                yield return partner;
            }
        }
    }

    public IAsyncEnumerable<StoredObjectInfo> ListPartnerKeysAsync(string workshopId, CancellationToken cancellationToken) =>
        _objects.ListAsync(ReminderKeys.PartnersPrefix(workshopId), cancellationToken);

    public IAsyncEnumerable<StoredObjectInfo> ListPlanKeysAsync(CancellationToken cancellationToken) =>
        _objects.ListAsync(ReminderKeys.PlansPrefix, cancellationToken);

    public Task<Versioned<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken) where T : class =>
        _json.ReadAsync<T>(key, cancellationToken);

    /// <summary>Queues a reminder unless it is already queued (the same id is the same reminder). True when this call queued it.</summary>
    public async Task<bool> EnqueueAsync(ReminderOccurrence occurrence, CancellationToken cancellationToken)
    {
        try
        {
            await _json.WriteAsync(occurrence.Key, occurrence, WriteCondition.IfNotExists, cancellationToken);
            return true;
        }
        catch (PreconditionFailedException)
        {
            return false;
        }
    }
}
