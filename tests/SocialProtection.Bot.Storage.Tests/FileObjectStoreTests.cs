using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>What only the local-disk store has to get right: crashes, other processes, the folder layout.</summary>
public sealed class FileObjectStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writers_in_other_processes_on_the_same_folder_lose_nothing_and_duplicate_nothing()
    {
        const int Rounds = 40;
        var root = Path.Combine(_folder.Path, "shared");
        var children = new[] { LedgerWriterProcess.Start(root, "ledger", "p1", Rounds), LedgerWriterProcess.Start(root, "ledger", "p2", Rounds) };
        await LedgerWriterProcess.ReleaseTogetherAsync(children);
        var errors = children.Select(child => child.StandardError.ReadToEndAsync()).ToList();

        await LedgerWriterProcess.AppendAsync(new FileObjectStore(root), "ledger", "here", Rounds);
        for (var i = 0; i < children.Length; i++)
        {
            using var child = children[i];
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(child.ExitCode == 0, $"writer process {child.Id} failed: {await errors[i]}");
        }

        var ledger = (await new JsonObjectStore(new FileObjectStore(root)).ReadAsync<Ledger>("ledger", default))!.Value;
        foreach (var writer in new[] { "p1", "p2", "here" })
        {
            Assert.Equal(Enumerable.Range(0, Rounds).Select(round => $"{writer}:{round}"), ledger.Entries.Where(e => e.StartsWith(writer + ":", StringComparison.Ordinal)));
        }

        Assert.Equal(3 * Rounds, ledger.Entries.Count);
    }

    [Fact]
    public async Task A_write_cut_off_before_its_rename_leaves_the_previous_version_whole_and_the_next_write_works()
    {
        var store = new FileObjectStore(_folder.Path);
        var etag = await store.PutAsync("answers/p1", BinaryData.FromString("คำตอบเดิม"), WriteCondition.IfNotExists, default);
        // What a crash half-way through the next write leaves behind: a partial temporary file.
        await File.WriteAllBytesAsync(store.PathsFor("answers/p1").Temp, Encoding.UTF8.GetBytes("spobj1 garbage, half a wri"));

        var restarted = new FileObjectStore(_folder.Path);
        var stored = await restarted.GetAsync("answers/p1", default);
        Assert.Equal("คำตอบเดิม", stored!.Content.ToString());
        Assert.Equal(etag, stored.ETag);
        Assert.Equal("answers/p1", Assert.Single(await ListAsync(restarted, "")).Key);

        var next = await restarted.PutAsync("answers/p1", BinaryData.FromString("คำตอบใหม่"), WriteCondition.IfMatch(etag), default);
        Assert.Equal("คำตอบใหม่", (await restarted.GetAsync("answers/p1", default))!.Content.ToString());
        Assert.NotEqual(etag, next);
    }

    [Fact]
    public async Task A_damaged_object_file_is_reported_as_damaged_yet_can_still_be_replaced_or_erased()
    {
        var store = new FileObjectStore(_folder.Path);
        var etag = await store.PutAsync("workshops/w1", BinaryData.FromString("{}"), WriteCondition.IfNotExists, default);
        await File.WriteAllTextAsync(store.PathsFor("workshops/w1").Object, "{} edited by hand");

        var damaged = await Assert.ThrowsAsync<StoredDataCorruptException>(() => store.GetAsync("workshops/w1", default));
        Assert.Equal("workshops/w1", damaged.Key);
        await Assert.ThrowsAsync<StoredDataCorruptException>(
            () => store.PutAsync("workshops/w1", BinaryData.FromString("x"), WriteCondition.IfMatch(etag), default));
        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => store.PutAsync("workshops/w1", BinaryData.FromString("x"), WriteCondition.IfNotExists, default));

        await store.PutAsync("workshops/w1", BinaryData.FromString("repaired"), WriteCondition.None, default);
        Assert.Equal("repaired", (await store.GetAsync("workshops/w1", default))!.Content.ToString());

        await File.WriteAllTextAsync(store.PathsFor("workshops/w1").Object, "damaged again");
        Assert.True(await store.DeleteAsync("workshops/w1", ifMatch: null, default)); // erasure on request never fails on damage
        Assert.Null(await store.GetAsync("workshops/w1", default));
    }

    [Fact]
    public async Task Objects_versions_and_leases_survive_a_restart()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var before = new FileObjectStore(_folder.Path, time);
        var etag = await before.PutAsync("groups/g1", BinaryData.FromString("กลุ่ม ๑"), WriteCondition.IfNotExists, default);
        var lease = await before.TryAcquireLeaseAsync("jobs/reminders", TimeSpan.FromSeconds(30), default);
        Assert.NotNull(lease);

        var after = new FileObjectStore(_folder.Path, time);

        var stored = await after.GetAsync("groups/g1", default);
        Assert.Equal("กลุ่ม ๑", stored!.Content.ToString());
        Assert.Equal(etag, stored.ETag);
        await after.PutAsync("groups/g1", BinaryData.FromString("กลุ่ม ๒"), WriteCondition.IfMatch(etag), default);
        Assert.Null(await after.TryAcquireLeaseAsync("jobs/reminders", TimeSpan.FromSeconds(30), default));
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await after.TryAcquireLeaseAsync("jobs/reminders", TimeSpan.FromSeconds(30), default));
    }

    [Fact]
    public async Task A_key_held_by_a_stuck_writer_fails_as_unavailable_instead_of_hanging_and_writes_nothing()
    {
        var store = new FileObjectStore(_folder.Path, lockTimeout: TimeSpan.FromMilliseconds(300));
        var etag = await store.PutAsync("groups/g1", BinaryData.FromString("v1"), WriteCondition.IfNotExists, default);
        // Another process in the middle of a write holds every key's lock.
        var held = Enumerable.Range(0, 256)
            .Select(stripe => new FileStream(Path.Combine(_folder.Path, "locks", $"{stripe:x2}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            .ToList();
        try
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(
                () => store.PutAsync("groups/g1", BinaryData.FromString("v2"), WriteCondition.IfMatch(etag), default).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal("v1", (await store.GetAsync("groups/g1", default))!.Content.ToString()); // reads do not wait
        }
        finally
        {
            held.ForEach(stream => stream.Dispose());
        }

        await store.PutAsync("groups/g1", BinaryData.FromString("v2"), WriteCondition.IfMatch(etag), default);
        Assert.Equal("v2", (await store.GetAsync("groups/g1", default))!.Content.ToString());
    }

    [Fact]
    public async Task Keys_are_laid_out_in_folders_and_never_step_outside_the_data_folder()
    {
        var root = Path.Combine(_folder.Path, "data");
        var store = new FileObjectStore(root);
        await store.PutAsync("workshops/w1/groups/g1/answers/p1", BinaryData.FromString("x"), WriteCondition.IfNotExists, default);
        foreach (var key in new[] { "../escaped", "workshops/../../escaped", "/tmp/escaped", "..\\escaped" })
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => store.PutAsync(key, BinaryData.FromString("x"), WriteCondition.None, default));
        }

        Assert.True(File.Exists(store.PathsFor("workshops/w1/groups/g1/answers/p1").Object));
        Assert.Equal(
            Path.Combine(root, "objects", "workshops", "w1", "groups", "g1", "answers"),
            Path.GetDirectoryName(store.PathsFor("workshops/w1/groups/g1/answers/p1").Object));
        Assert.Equal("data", Path.GetFileName(Assert.Single(Directory.GetFileSystemEntries(_folder.Path))));
    }

    [Fact]
    public async Task Keys_that_a_case_insensitive_or_windows_file_system_would_confuse_stay_apart()
    {
        var store = new FileObjectStore(_folder.Path);
        string[] keys = ["CON", "con", "aux.json", "Aux.json", "nul/x", "a/B", "a/b"];
        foreach (var key in keys)
        {
            await store.PutAsync(key, BinaryData.FromString(key), WriteCondition.IfNotExists, default);
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), (await ListAsync(store, "")).Select(info => info.Key));
        foreach (var key in keys)
        {
            Assert.Equal(key, (await store.GetAsync(key, default))!.Content.ToString());
        }
    }

    private static async Task<List<StoredObjectInfo>> ListAsync(FileObjectStore store, string prefix)
    {
        var list = new List<StoredObjectInfo>();
        await foreach (var info in store.ListAsync(prefix, default))
        {
            list.Add(info);
        }

        return list;
    }
}
