using SocialProtection.Bot.TestSupport;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Tests.Reminders;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>How the bot keeps the way to reach each user in personal chat (for reminders and joins).</summary>
public sealed class PersonalConversationStoreTests
{
    private readonly InMemoryObjectStore _objects = new();
    private readonly PersonalConversationStore _store;

    public PersonalConversationStoreTests() =>
        _store = new PersonalConversationStore(_objects, new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_new_users_reference_is_stored(bool likelyNew)
    {
        await _store.SaveAsync("user-1", Reference("a:1"), CancellationToken.None, likelyNew);

        Assert.Equal("a:1", (await _store.GetAsync("user-1", CancellationToken.None))!.Reference.Conversation!.Id);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_changed_reference_replaces_the_stored_one_even_when_the_user_looked_new(bool likelyNew)
    {
        await _store.SaveAsync("user-1", Reference("a:1"), CancellationToken.None);

        await _store.SaveAsync("user-1", Reference("a:2"), CancellationToken.None, likelyNew);

        Assert.Equal("a:2", (await _store.GetAsync("user-1", CancellationToken.None))!.Reference.Conversation!.Id);
    }

    [Fact]
    public async Task The_same_reference_again_writes_nothing()
    {
        await _store.SaveAsync("user-1", Reference("a:1"), CancellationToken.None);
        var before = (await _objects.GetAsync(WorkshopKeys.PersonalConversation("user-1"), CancellationToken.None))!.ETag;

        await _store.SaveAsync("user-1", Reference("a:1") with { ActivityId = "another-activity" }, CancellationToken.None, likelyNew: true);

        Assert.Equal(before, (await _objects.GetAsync(WorkshopKeys.PersonalConversation("user-1"), CancellationToken.None))!.ETag);
    }

    private static ConversationReference Reference(string conversationId) => new()
    {
        ActivityId = "activity-1",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal" },
        User = new ChannelAccount { Id = "29:1user" },
        Bot = new ChannelAccount { Id = "28:bot" },
    };
}
