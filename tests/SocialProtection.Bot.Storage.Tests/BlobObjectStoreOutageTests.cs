using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>Storage goes down in the middle of a run and comes back: a fresh Azurite that this class stops and starts.</summary>
public sealed class BlobObjectStoreOutageTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    private static readonly TimeSpan NoHang = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task While_storage_is_down_every_call_fails_as_unavailable_and_the_same_store_recovers_with_nothing_acknowledged_lost()
    {
        var store = new BlobObjectStore(BlobContainerClientFactory.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }));
        var json = new JsonObjectStore(store);
        var acknowledged = new Dictionary<string, (string Text, string ETag)>();
        for (var i = 0; i < 40; i++)
        {
            var text = $"คำตอบของผู้เข้าร่วมคนที่ {i}";
            acknowledged[$"answers/p{i:00}"] = (text, await store.PutAsync($"answers/p{i:00}", BinaryData.FromString(text), WriteCondition.IfNotExists, default));
        }

        await json.UpdateAsync<Ledger>("ledger", current => UpdateDecision.Write(new Ledger(["before"])), default);

        await azurite.StopAsync();

        await Unavailable(() => store.GetAsync("answers/p00", default));
        await Unavailable(() => store.PutAsync("answers/during", BinaryData.FromString("x"), WriteCondition.IfNotExists, default));
        await Unavailable(() => store.PutAsync("answers/p01", BinaryData.FromString("x"), WriteCondition.IfMatch(acknowledged["answers/p01"].ETag), default));
        await Unavailable(() => store.DeleteAsync("answers/p02", null, default));
        await Unavailable(async () => await store.ListAsync("answers/", default).CountAsync());
        await Unavailable(() => store.TryAcquireLeaseAsync("jobs/reminders", TimeSpan.FromSeconds(15), default));
        await Unavailable(() => json.UpdateAsync<Ledger>("ledger", current => UpdateDecision.Write(new Ledger([.. current!.Entries, "during"])), default));

        await azurite.StartAsync();

        foreach (var (key, (text, etag)) in acknowledged)
        {
            var stored = await store.GetAsync(key, default);
            Assert.Equal(text, stored!.Content.ToString());
            Assert.Equal(etag, stored.ETag);
        }

        Assert.Equal(acknowledged.Keys.Order(StringComparer.Ordinal), await store.ListAsync("answers/", default).Select(info => info.Key).ToListAsync());
        await store.PutAsync("answers/after", BinaryData.FromString("หลังจากกลับมา"), WriteCondition.IfNotExists, default);
        await json.UpdateAsync<Ledger>("ledger", current => UpdateDecision.Write(new Ledger([.. current!.Entries, "after"])), default);
        Assert.Equal(["before", "after"], (await json.ReadAsync<Ledger>("ledger", default))!.Value.Entries);
        await using var lease = await store.TryAcquireLeaseAsync("jobs/reminders", TimeSpan.FromSeconds(15), default);
        Assert.NotNull(lease);
    }

    private static async Task Unavailable(Func<Task> call) =>
        await Assert.ThrowsAsync<StorageUnavailableException>(() => call().WaitAsync(NoHang));
}
