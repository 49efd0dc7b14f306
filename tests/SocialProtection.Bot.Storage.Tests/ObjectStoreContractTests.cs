using System.Text;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IObjectStore"/> must have. Each store runs this same suite
/// (<see cref="FileObjectStoreContractTests"/>, <see cref="BlobObjectStoreContractTests"/>,
/// <see cref="InMemoryObjectStoreContractTests"/>).
/// Every test works under its own key prefix, so stores may share a container.
/// </summary>
public abstract class ObjectStoreContractTests : IAsyncLifetime
{
    private const string Thai = "ผู้สูงอายุได้รับเบี้ยยังชีพ ๑,๐๐๐ บาท/เดือน — การคุ้มครองทางสังคม ✓";

    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N");

    protected IObjectStore Store { get; private set; } = null!;

    /// <summary>The smallest lease both stores accept.</summary>
    protected static TimeSpan LeaseLength => TimeSpan.FromSeconds(15);

    /// <summary>A new store instance over the same data as <see cref="Store"/> (a second bot instance).</summary>
    protected abstract IObjectStore CreateStore();

    /// <summary>Lets lease clocks move on by at least <paramref name="duration"/>.</summary>
    protected abstract Task LetTimePassAsync(TimeSpan duration);

    public virtual Task InitializeAsync()
    {
        Store = CreateStore();
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private string K(string relative) => $"{_prefix}/{relative}";

    [Fact]
    public async Task Reading_a_key_that_was_never_written_finds_nothing()
    {
        Assert.Null(await Store.GetAsync(K("nothing/here"), default));
    }

    [Fact]
    public async Task Thai_text_comes_back_byte_for_byte_with_the_etag_of_the_write()
    {
        var bytes = Encoding.UTF8.GetBytes(Thai);
        var etag = await Store.PutAsync(K("answers/p1"), new BinaryData(bytes), WriteCondition.IfNotExists, default);

        var stored = await Store.GetAsync(K("answers/p1"), default);

        Assert.NotNull(stored);
        Assert.Equal(bytes, stored.Content.ToArray());
        Assert.Equal(Thai, stored.Content.ToString());
        Assert.Equal(etag, stored.ETag);
        Assert.Equal(K("answers/p1"), stored.Key);
        Assert.True(stored.LastModified > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task Empty_content_is_stored_as_an_empty_object()
    {
        await Store.PutAsync(K("empty"), BinaryData.Empty, WriteCondition.IfNotExists, default);

        var stored = await Store.GetAsync(K("empty"), default);

        Assert.NotNull(stored);
        Assert.Empty(stored.Content.ToArray());
    }

    [Fact]
    public async Task Every_write_gets_a_new_etag_even_when_the_bytes_are_the_same()
    {
        var first = await Store.PutAsync(K("same"), BinaryData.FromString("x"), WriteCondition.IfNotExists, default);
        var second = await Store.PutAsync(K("same"), BinaryData.FromString("x"), WriteCondition.IfMatch(first), default);

        Assert.NotEqual(first, second);
        Assert.Equal(second, (await Store.GetAsync(K("same"), default))!.ETag);
    }

    [Fact]
    public async Task Creating_an_object_that_already_exists_is_refused_and_the_first_stays()
    {
        await Store.PutAsync(K("once"), BinaryData.FromString("first"), WriteCondition.IfNotExists, default);

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Store.PutAsync(K("once"), BinaryData.FromString("second"), WriteCondition.IfNotExists, default));

        Assert.Equal(K("once"), refused.Key);
        Assert.Equal("first", (await Store.GetAsync(K("once"), default))!.Content.ToString());
    }

    [Fact]
    public async Task A_write_over_a_stale_etag_is_refused_and_writes_nothing()
    {
        var stale = await Store.PutAsync(K("doc"), BinaryData.FromString("v1"), WriteCondition.IfNotExists, default);
        var current = await Store.PutAsync(K("doc"), BinaryData.FromString("v2"), WriteCondition.IfMatch(stale), default);

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Store.PutAsync(K("doc"), BinaryData.FromString("lost update"), WriteCondition.IfMatch(stale), default));

        var stored = await Store.GetAsync(K("doc"), default);
        Assert.Equal("v2", stored!.Content.ToString());
        Assert.Equal(current, stored.ETag);
    }

    [Fact]
    public async Task A_write_over_a_version_of_an_object_that_does_not_exist_is_refused()
    {
        var etag = await Store.PutAsync(K("other"), BinaryData.FromString("x"), WriteCondition.IfNotExists, default);

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Store.PutAsync(K("missing"), BinaryData.FromString("y"), WriteCondition.IfMatch(etag), default));

        Assert.Null(await Store.GetAsync(K("missing"), default));
    }

    [Fact]
    public async Task An_unconditional_write_replaces_whatever_is_there()
    {
        await Store.PutAsync(K("free"), BinaryData.FromString("a"), WriteCondition.None, default);
        await Store.PutAsync(K("free"), BinaryData.FromString("b"), WriteCondition.None, default);

        Assert.Equal("b", (await Store.GetAsync(K("free"), default))!.Content.ToString());
    }

    [Fact]
    public async Task A_listing_gives_every_key_under_the_prefix_once_in_ordinal_order_with_its_etag_and_size()
    {
        string[] keys = ["g1/b", "g1/a-z", "g1/a/c", "g1/a", "g1/A", "g1/a.b", "g1/a_b", "g1/Z9/x", "g10/a", "g2/a"];
        var etags = new Dictionary<string, string>();
        foreach (var key in keys)
        {
            etags[K(key)] = await Store.PutAsync(K(key), BinaryData.FromString("ข้อมูล " + key), WriteCondition.IfNotExists, default);
        }

        var listed = await ToListAsync(Store.ListAsync(K("g1/"), default));

        var expected = keys.Where(key => key.StartsWith("g1/", StringComparison.Ordinal)).Select(K).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, listed.Select(info => info.Key));
        foreach (var info in listed)
        {
            Assert.Equal(etags[info.Key], info.ETag);
            Assert.Equal(Encoding.UTF8.GetByteCount("ข้อมูล " + info.Key[(_prefix.Length + 1)..]), info.Size);
            Assert.Equal((await Store.GetAsync(info.Key, default))!.ETag, info.ETag);
        }
    }

    [Fact]
    public async Task A_prefix_may_end_inside_a_segment()
    {
        foreach (var key in new[] { "answers/p1", "answers/p2", "answersheet", "ans", "reminders/r1" })
        {
            await Store.PutAsync(K(key), BinaryData.FromString(key), WriteCondition.None, default);
        }

        var listed = await ToListAsync(Store.ListAsync(K("answers"), default));

        Assert.Equal(new[] { K("answers/p1"), K("answers/p2"), K("answersheet") }, listed.Select(info => info.Key));
        Assert.Empty(await ToListAsync(Store.ListAsync(K("nobody/"), default)));
    }

    [Fact]
    public async Task An_object_and_objects_below_its_key_live_side_by_side()
    {
        await Store.PutAsync(K("group"), BinaryData.FromString("group"), WriteCondition.IfNotExists, default);
        await Store.PutAsync(K("group/member"), BinaryData.FromString("member"), WriteCondition.IfNotExists, default);

        Assert.Equal("group", (await Store.GetAsync(K("group"), default))!.Content.ToString());
        Assert.Equal("member", (await Store.GetAsync(K("group/member"), default))!.Content.ToString());
        Assert.Equal(2, (await ToListAsync(Store.ListAsync(K("group"), default))).Count);
    }

    [Fact]
    public async Task Keys_that_differ_only_in_case_are_different_objects()
    {
        await Store.PutAsync(K("Case"), BinaryData.FromString("upper"), WriteCondition.IfNotExists, default);
        await Store.PutAsync(K("case"), BinaryData.FromString("lower"), WriteCondition.IfNotExists, default);

        Assert.Equal("upper", (await Store.GetAsync(K("Case"), default))!.Content.ToString());
        Assert.Equal("lower", (await Store.GetAsync(K("case"), default))!.Content.ToString());
    }

    [Fact]
    public async Task Deleting_removes_the_object_and_says_whether_there_was_one()
    {
        await Store.PutAsync(K("gone"), BinaryData.FromString("x"), WriteCondition.IfNotExists, default);

        Assert.True(await Store.DeleteAsync(K("gone"), ifMatch: null, default));
        Assert.Null(await Store.GetAsync(K("gone"), default));
        Assert.False(await Store.DeleteAsync(K("gone"), ifMatch: null, default));
        Assert.Empty(await ToListAsync(Store.ListAsync(K("gone"), default)));
        await Store.PutAsync(K("gone"), BinaryData.FromString("again"), WriteCondition.IfNotExists, default);
    }

    [Fact]
    public async Task Deleting_over_a_stale_etag_is_refused_and_the_object_stays()
    {
        var stale = await Store.PutAsync(K("keep"), BinaryData.FromString("v1"), WriteCondition.IfNotExists, default);
        var current = await Store.PutAsync(K("keep"), BinaryData.FromString("v2"), WriteCondition.IfMatch(stale), default);

        await Assert.ThrowsAsync<PreconditionFailedException>(() => Store.DeleteAsync(K("keep"), stale, default));
        Assert.Equal("v2", (await Store.GetAsync(K("keep"), default))!.Content.ToString());

        Assert.True(await Store.DeleteAsync(K("keep"), current, default));
        Assert.Null(await Store.GetAsync(K("keep"), default));
    }

    [Fact]
    public async Task Deleting_a_missing_object_with_an_etag_reports_there_was_none()
    {
        var etag = await Store.PutAsync(K("was"), BinaryData.FromString("x"), WriteCondition.IfNotExists, default);
        await Store.DeleteAsync(K("was"), etag, default);

        Assert.False(await Store.DeleteAsync(K("was"), etag, default));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("a/../../outside")]
    [InlineData("/absolute")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("a/./b")]
    [InlineData("a\\..\\b")]
    [InlineData("C:/windows")]
    [InlineData("with space")]
    [InlineData("ไทย")]
    [InlineData("name.")]
    [InlineData("")]
    public async Task Unsafe_keys_are_refused_by_every_operation(string key)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GetAsync(key, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PutAsync(key, BinaryData.FromString("x"), WriteCondition.None, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.DeleteAsync(key, null, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.TryAcquireLeaseAsync(key, LeaseLength, default));
    }

    [Fact]
    public async Task Listing_with_an_unsafe_prefix_is_refused()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => ToListAsync(Store.ListAsync("../", default)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => ToListAsync(Store.ListAsync("/abs", default)));
    }

    [Fact]
    public async Task A_lease_has_one_holder_and_is_free_again_once_released()
    {
        var first = await Store.TryAcquireLeaseAsync(K("jobs/reminders"), LeaseLength, default);
        Assert.NotNull(first);
        Assert.Equal(K("jobs/reminders"), first.Key);
        Assert.NotNull(await Store.GetAsync(K("jobs/reminders"), default)); // created empty

        Assert.Null(await Store.TryAcquireLeaseAsync(K("jobs/reminders"), LeaseLength, default));
        Assert.Null(await CreateStore().TryAcquireLeaseAsync(K("jobs/reminders"), LeaseLength, default));

        await first.DisposeAsync();
        await using var second = await Store.TryAcquireLeaseAsync(K("jobs/reminders"), LeaseLength, default);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task A_leased_object_cannot_be_overwritten_or_deleted_while_the_lease_lasts()
    {
        var etag = await Store.PutAsync(K("locked"), BinaryData.FromString("content"), WriteCondition.IfNotExists, default);
        await using var lease = await Store.TryAcquireLeaseAsync(K("locked"), LeaseLength, default);
        Assert.NotNull(lease);

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Store.PutAsync(K("locked"), BinaryData.FromString("other"), WriteCondition.None, default));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => Store.DeleteAsync(K("locked"), null, default));

        var stored = await Store.GetAsync(K("locked"), default);
        Assert.Equal("content", stored!.Content.ToString());
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task A_renewed_lease_outlives_its_first_term_and_an_abandoned_one_expires_for_the_next_holder()
    {
        var holder = await Store.TryAcquireLeaseAsync(K("jobs/summary"), LeaseLength, default);
        Assert.NotNull(holder);

        await LetTimePassAsync(TimeSpan.FromSeconds(8));
        Assert.True(await holder.RenewAsync(default));
        await LetTimePassAsync(TimeSpan.FromSeconds(9)); // past the first term, inside the renewed one
        Assert.Null(await Store.TryAcquireLeaseAsync(K("jobs/summary"), LeaseLength, default));

        await LetTimePassAsync(TimeSpan.FromSeconds(8)); // the holder stopped renewing: its lease ran out
        await using var next = await Store.TryAcquireLeaseAsync(K("jobs/summary"), LeaseLength, default);
        Assert.NotNull(next);
        Assert.False(await holder.RenewAsync(default));

        await holder.DisposeAsync(); // releasing a lost lease does not take it from the new holder
        Assert.Null(await Store.TryAcquireLeaseAsync(K("jobs/summary"), LeaseLength, default));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    public async Task A_lease_outside_15_to_60_seconds_is_refused(int seconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.TryAcquireLeaseAsync(K("jobs/x"), TimeSpan.FromSeconds(seconds), default));
    }

    [Fact]
    public async Task Racing_conditional_writes_have_exactly_one_winner_each_round()
    {
        const int Writers = 32;
        const int Rounds = 20;
        var key = K("race");
        var etag = await Store.PutAsync(key, BinaryData.FromString("start"), WriteCondition.IfNotExists, default);
        var stores = new[] { Store, CreateStore() };

        for (var round = 1; round <= Rounds; round++)
        {
            var expected = etag;
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, Writers).Select(async writer =>
            {
                await go.Task;
                try
                {
                    var content = BinaryData.FromString($"round {round} writer {writer}");
                    return (Writer: writer, ETag: (string?)await stores[writer % 2].PutAsync(key, content, WriteCondition.IfMatch(expected), default));
                }
                catch (PreconditionFailedException)
                {
                    return (Writer: writer, ETag: null);
                }
            }).ToList();
            go.SetResult();
            var results = await Task.WhenAll(attempts);

            var winner = Assert.Single(results, result => result.ETag is not null);
            var stored = await Store.GetAsync(key, default);
            Assert.Equal($"round {round} writer {winner.Writer}", stored!.Content.ToString());
            Assert.Equal(winner.ETag, stored.ETag);
            etag = stored.ETag;
        }
    }

    [Fact]
    public async Task Racing_creates_of_one_key_have_exactly_one_winner()
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 32).Select(async writer =>
        {
            await go.Task;
            try
            {
                await Store.PutAsync(K("first"), BinaryData.FromString(writer.ToString(System.Globalization.CultureInfo.InvariantCulture)), WriteCondition.IfNotExists, default);
                return true;
            }
            catch (PreconditionFailedException)
            {
                return false;
            }
        }).ToList();
        go.SetResult();

        Assert.Single(await Task.WhenAll(attempts), won => won);
    }

    [Fact]
    public async Task Many_writers_updating_one_document_lose_nothing_and_duplicate_nothing()
    {
        const int Tasks = 32;
        const int Rounds = 20;
        var key = K("ledger");
        var json = new JsonObjectStore(Store, new JsonObjectStoreOptions { MaxUpdateAttempts = 10_000 });
        var otherInstance = new JsonObjectStore(CreateStore(), new JsonObjectStoreOptions { MaxUpdateAttempts = 10_000 });

        // Writers 0 and 1 decide their first update only once both have read, so at least one of them must lose a race
        // (on a fast store the others could otherwise happen to take turns).
        using var firstReads = new Barrier(2);
        var results = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            var mine = new List<UpdateResult<Ledger>>();
            var met = task > 1;
            for (var round = 0; round < Rounds; round++)
            {
                var entry = $"{task}:{round}";
                mine.Add(await (task % 2 == 0 ? json : otherInstance).UpdateAsync<Ledger>(
                    key,
                    current =>
                    {
                        if (!met)
                        {
                            met = true;
                            firstReads.SignalAndWait(TimeSpan.FromSeconds(30));
                        }
                        return UpdateDecision.Write(new Ledger([.. current?.Entries ?? [], entry]));
                    },
                    default));
            }

            return mine;
        })));

        var final = (await json.ReadAsync<Ledger>(key, default))!.Value;
        Assert.Equal(Tasks * Rounds, final.Entries.Count);
        Assert.Equal(Tasks * Rounds, final.Entries.Distinct().Count());
        for (var task = 0; task < Tasks; task++)
        {
            var prefix = $"{task}:";
            var expected = Enumerable.Range(0, Rounds).Select(round => $"{task}:{round}");
            Assert.Equal(expected, final.Entries.Where(entry => entry.StartsWith(prefix, StringComparison.Ordinal)));
        }

        var all = results.SelectMany(r => r).ToList();
        Assert.All(all, result => Assert.True(result.Changed));
        Assert.Equal(all.Count, all.Select(result => result.ETag).Distinct().Count()); // one version per contribution
        Assert.Contains(all, result => result.Attempts > 1); // the losers of a round retried
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

public sealed record Ledger(IReadOnlyList<string> Entries);
