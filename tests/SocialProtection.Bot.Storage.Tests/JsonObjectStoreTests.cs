using System.Text;

namespace SocialProtection.Bot.Storage.Tests;

public sealed class JsonObjectStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FileObjectStore _store;
    private readonly JsonObjectStore _json;

    public JsonObjectStoreTests()
    {
        _store = new FileObjectStore(_folder.Path);
        _json = new JsonObjectStore(_store);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_document_reads_back_as_written_with_the_version_it_has()
    {
        var etag = await _json.WriteAsync("groups/g1", new Ledger(["สวัสดิการ", "pension"]), WriteCondition.IfNotExists, default);

        var read = await _json.ReadAsync<Ledger>("groups/g1", default);

        Assert.Equal(["สวัสดิการ", "pension"], read!.Value.Entries);
        Assert.Equal(etag, read.ETag);
        Assert.Null(await _json.ReadAsync<Ledger>("groups/none", default));
    }

    [Fact]
    public async Task Thai_text_is_stored_as_readable_utf8_not_escaped()
    {
        await _json.WriteAsync("groups/g1", new Ledger(["ผู้สูงอายุ"]), WriteCondition.IfNotExists, default);

        var raw = (await _store.GetAsync("groups/g1", default))!.Content.ToArray();

        Assert.Contains("ผู้สูงอายุ", Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_of_a_missing_document_starts_from_nothing_and_creates_it()
    {
        Ledger? seen = new(["not called"]);

        var result = await _json.UpdateAsync<Ledger>("groups/g1", current =>
        {
            seen = current;
            return UpdateDecision.Write(new Ledger(["first"]));
        }, default);

        Assert.Null(seen);
        Assert.True(result.Changed);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(result.ETag, (await _json.ReadAsync<Ledger>("groups/g1", default))!.ETag);
    }

    [Fact]
    public async Task An_update_that_decides_no_change_writes_nothing()
    {
        var etag = await _json.WriteAsync("groups/g1", new Ledger(["a"]), WriteCondition.IfNotExists, default);

        var result = await _json.UpdateAsync<Ledger>("groups/g1", current => UpdateDecision.NoChange<Ledger>(), default);

        Assert.False(result.Changed);
        Assert.Equal(etag, result.ETag);
        Assert.Equal(["a"], result.Value!.Entries);
        Assert.Equal(etag, (await _store.GetAsync("groups/g1", default))!.ETag);
    }

    [Fact]
    public async Task A_damaged_document_is_reported_with_its_key_and_left_exactly_as_it_was()
    {
        var damaged = Encoding.UTF8.GetBytes("{\"entries\": [\"ครึ่งเดียว");
        var etag = await _store.PutAsync("groups/g1", new BinaryData(damaged), WriteCondition.IfNotExists, default);
        var called = false;

        var read = await Assert.ThrowsAsync<StoredDataCorruptException>(() => _json.ReadAsync<Ledger>("groups/g1", default));
        var update = await Assert.ThrowsAsync<StoredDataCorruptException>(() => _json.UpdateAsync<Ledger>("groups/g1", current =>
        {
            called = true;
            return UpdateDecision.Write(new Ledger(["overwritten"]));
        }, default));

        Assert.Equal("groups/g1", read.Key);
        Assert.Equal("groups/g1", update.Key);
        Assert.False(called);
        var stored = await _store.GetAsync("groups/g1", default);
        Assert.Equal(damaged, stored!.Content.ToArray());
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task A_document_holding_json_null_or_nothing_is_reported_as_damaged()
    {
        await _store.PutAsync("groups/null", BinaryData.FromString("null"), WriteCondition.IfNotExists, default);
        await _store.PutAsync("groups/empty", BinaryData.Empty, WriteCondition.IfNotExists, default);

        await Assert.ThrowsAsync<StoredDataCorruptException>(() => _json.ReadAsync<Ledger>("groups/null", default));
        await Assert.ThrowsAsync<StoredDataCorruptException>(() => _json.ReadAsync<Ledger>("groups/empty", default));
    }

    [Fact]
    public async Task An_update_that_loses_every_race_gives_up_with_a_conflict_and_writes_nothing_of_its_own()
    {
        var json = new JsonObjectStore(_store, new JsonObjectStoreOptions { MaxUpdateAttempts = 3 });
        await json.WriteAsync("groups/g1", new Ledger(["start"]), WriteCondition.IfNotExists, default);
        var calls = 0;

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => json.UpdateAsync<Ledger>("groups/g1", current =>
        {
            calls++;
            // Another writer gets in between this read and its write, every time.
            _store.PutAsync("groups/g1", BinaryData.FromObjectAsJson(new Ledger([$"other {calls}"]), new JsonObjectStoreOptions().SerializerOptions), WriteCondition.None, default)
                .GetAwaiter().GetResult();
            return UpdateDecision.Write(new Ledger([.. current!.Entries, "mine"]));
        }, default));

        Assert.Equal(3, calls);
        Assert.Equal(3, conflict.Attempts);
        Assert.Equal("groups/g1", conflict.Key);
        Assert.Equal(["other 3"], (await json.ReadAsync<Ledger>("groups/g1", default))!.Value.Entries);
    }

    [Fact]
    public async Task An_update_function_that_throws_changes_nothing()
    {
        var etag = await _json.WriteAsync("groups/g1", new Ledger(["a"]), WriteCondition.IfNotExists, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _json.UpdateAsync<Ledger>(
            "groups/g1", current => throw new InvalidOperationException("rule broken"), default));

        Assert.Equal(etag, (await _store.GetAsync("groups/g1", default))!.ETag);
    }
}
