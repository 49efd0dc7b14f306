using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Summaries;
using static SocialProtection.Bot.Workshop.Tests.Summaries.SummaryTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

public sealed class GroupSummaryStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "summaries-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task The_posted_summary_is_stored_and_read_back_exactly_with_groups_and_all_kept_apart()
    {
        var store = new GroupSummaryStore(new FileObjectStore(_folder));
        var group = new GroupSummaryBuilder().Build(Request(Group(5)));
        var all = group with { GroupId = null, GroupName = null, ParticipantCount = 99 };

        await store.SaveAsync(group, CancellationToken.None);
        await store.SaveAsync(all, CancellationToken.None);

        Assert.Equal(SummaryJson.Serialize(group), SummaryJson.Serialize((await store.GetAsync(WorkshopId, "g1", CancellationToken.None))!));
        Assert.Equal(99, (await store.GetAsync(WorkshopId, null, CancellationToken.None))!.ParticipantCount);
        Assert.Null(await store.GetAsync(WorkshopId, "all", CancellationToken.None));
    }

    [Fact]
    public async Task A_damaged_stored_summary_is_reported_not_misread()
    {
        var objects = new FileObjectStore(_folder);
        await objects.PutAsync(SummaryKeys.Summary(WorkshopId, "g1"), BinaryData.FromString("{not json"), WriteCondition.None, CancellationToken.None);

        await Assert.ThrowsAsync<StoredDataCorruptException>(() => new GroupSummaryStore(objects).GetAsync(WorkshopId, "g1", CancellationToken.None));
    }
}
