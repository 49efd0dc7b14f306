using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>
/// What the bot keeps per person across workshops, in one document: their workshop, their language and how to reach
/// them, each written without losing the others, and the three documents of earlier versions folded into it at start.
/// </summary>
public sealed class UserProfileStoreTests : IDisposable
{
    private const string User = "user-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly InMemoryObjectStore _objects;
    private readonly UserProfileStore _profiles;
    private readonly UserProfileMigration _migration;

    public UserProfileStoreTests()
    {
        _objects = new InMemoryObjectStore(_time);
        _profiles = new UserProfileStore(_objects, _time);
        _migration = new UserProfileMigration(_objects, _profiles, _time, NullLogger<UserProfileMigration>.Instance);
    }

    public void Dispose() => _migration.Dispose();

    private static string Legacy(string name) => WorkshopKeys.UserPrefix(User) + name;

    [Fact]
    public async Task A_new_users_reference_is_stored_over_the_empty_profile_they_were_read_with()
    {
        await _migration.StartAsync(CancellationToken.None);
        var read = await _profiles.ReadAsync(User, CancellationToken.None);
        Assert.Null(read.ETag);

        await _profiles.SaveConversationAsync(User, Reference("a:1"), read, CancellationToken.None);

        Assert.Equal("a:1", (await _profiles.GetConversationAsync(User, CancellationToken.None))!.Reference.Conversation!.Id);
        Assert.Null((await _profiles.GetConversationAsync(User, CancellationToken.None))!.Reference.ActivityId);
    }

    [Fact]
    public async Task A_changed_reference_replaces_the_stored_one_even_over_a_stale_read()
    {
        await _migration.StartAsync(CancellationToken.None);
        var stale = await _profiles.ReadAsync(User, CancellationToken.None);
        await _profiles.SaveConversationAsync(User, Reference("a:1"), known: null, CancellationToken.None);

        await _profiles.SaveConversationAsync(User, Reference("a:2"), stale, CancellationToken.None);

        Assert.Equal("a:2", (await _profiles.GetConversationAsync(User, CancellationToken.None))!.Reference.Conversation!.Id);
    }

    [Fact]
    public async Task The_same_reference_again_writes_nothing()
    {
        await _migration.StartAsync(CancellationToken.None);
        await _profiles.SaveConversationAsync(User, Reference("a:1"), known: null, CancellationToken.None);
        var before = (await _objects.GetAsync(UserProfileStore.Key(User), CancellationToken.None))!.ETag;

        await _profiles.SaveConversationAsync(User, Reference("a:1") with { ActivityId = "another-activity" }, known: null, CancellationToken.None);

        Assert.Equal(before, (await _objects.GetAsync(UserProfileStore.Key(User), CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task Workshop_language_and_chat_written_at_the_same_moment_all_stay()
    {
        await _migration.StartAsync(CancellationToken.None);
        for (var round = 0; round < 20; round++)
        {
            var user = "user-" + round;
            var stale = await _profiles.ReadAsync(user, CancellationToken.None);
            await Task.WhenAll(
                Task.Run(() => _profiles.JoinAsync(user, "ws-" + round, "g1", personalChat: null, known: null, CancellationToken.None)),
                Task.Run(() => _profiles.SaveLanguageAsync(user, Language.English, CancellationToken.None)),
                Task.Run(() => _profiles.SaveConversationAsync(user, Reference("a:" + round), stale, CancellationToken.None)));

            var profile = (await _profiles.ReadAsync(user, CancellationToken.None)).Value;
            Assert.Equal("ws-" + round, profile.Joined?.WorkshopId);
            Assert.Equal(Language.English, profile.ChosenLanguage);
            Assert.Equal("a:" + round, profile.Conversation?.Reference.Conversation?.Id);
        }
    }

    [Fact]
    public async Task The_install_welcomes_once_per_conversation()
    {
        await _migration.StartAsync(CancellationToken.None);

        Assert.True(await _profiles.MarkWelcomedAsync(User, Reference("a:1"), CancellationToken.None));
        Assert.False(await _profiles.MarkWelcomedAsync(User, Reference("a:1"), CancellationToken.None));
        Assert.True(await _profiles.MarkWelcomedAsync(User, Reference("a:2"), CancellationToken.None));
    }

    [Fact]
    public async Task Forgetting_a_workshop_leaves_the_pointer_at_another_one()
    {
        await _migration.StartAsync(CancellationToken.None);
        await _profiles.JoinAsync(User, "ws-2", "g1", personalChat: null, known: null, CancellationToken.None);

        Assert.False(await _profiles.ForgetJoinedAsync(User, "ws-1", CancellationToken.None));
        Assert.True(await _profiles.ForgetJoinedAsync(User, "ws-2", CancellationToken.None));
        Assert.Null((await _profiles.ReadAsync(User, CancellationToken.None)).Value.Joined);
    }

    [Fact]
    public async Task At_start_the_three_documents_of_earlier_versions_become_one_profile_and_are_deleted()
    {
        await SeedLegacyAsync();

        await _migration.StartAsync(CancellationToken.None);

        var profile = (await _profiles.ReadAsync(User, CancellationToken.None)).Value;
        Assert.Equal(("ws-1", "g2"), (profile.Joined?.WorkshopId, profile.Joined?.GroupId));
        Assert.Equal(Language.English, profile.ChosenLanguage);
        Assert.Equal("a:old", profile.Conversation?.Reference.Conversation?.Id);
        Assert.Equal("a:old", profile.Conversation?.WelcomedConversationId);
        Assert.Equal("f-old", profile.Conversation?.Fingerprint);
        Assert.Equal([UserProfileStore.Key(User)], _objects.Keys(UserProfileStore.UsersPrefix));
        Assert.True(_profiles.LegacyFolded.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Folding_keeps_what_the_profile_already_says_and_a_second_start_writes_nothing()
    {
        await SeedLegacyAsync();
        await new JsonObjectStore(_objects, StoredJson.StoreOptions()).WriteAsync(
            UserProfileStore.Key(User), new UserProfile { Language = "th" }, WriteCondition.IfNotExists, CancellationToken.None);

        await _migration.StartAsync(CancellationToken.None);
        var after = (await _objects.GetAsync(UserProfileStore.Key(User), CancellationToken.None))!.ETag;
        await _migration.StartAsync(CancellationToken.None);

        var profile = (await _profiles.ReadAsync(User, CancellationToken.None)).Value;
        Assert.Equal(Language.Thai, profile.ChosenLanguage);
        Assert.Equal("ws-1", profile.Joined?.WorkshopId);
        Assert.Equal(after, (await _objects.GetAsync(UserProfileStore.Key(User), CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task While_storage_is_down_at_start_the_bot_starts_reads_the_old_documents_and_folds_them_once_storage_is_back()
    {
        await SeedLegacyAsync();
        _objects.FailNext(1);

        await _migration.StartAsync(CancellationToken.None);

        Assert.False(_profiles.LegacyFolded.IsCompleted);
        var meanwhile = await _profiles.ReadAsync(User, CancellationToken.None);
        Assert.Equal("ws-1", meanwhile.Value.Joined?.WorkshopId);
        Assert.Equal(Language.English, meanwhile.Value.ChosenLanguage);
        // A change before the fold keeps what the old documents said.
        await _profiles.SaveConversationAsync(User, Reference("a:new"), meanwhile, CancellationToken.None);

        for (var i = 0; i < 50 && !_profiles.LegacyFolded.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10);
        }

        await _profiles.LegacyFolded.WaitAsync(TimeSpan.FromSeconds(10));
        var profile = (await _profiles.ReadAsync(User, CancellationToken.None)).Value;
        Assert.Equal(("ws-1", Language.English, "a:new"), (profile.Joined?.WorkshopId, profile.ChosenLanguage, profile.Conversation?.Reference.Conversation?.Id));
        Assert.Equal([UserProfileStore.Key(User)], _objects.Keys(UserProfileStore.UsersPrefix));
        await _migration.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_damaged_old_document_is_left_where_it_is_and_does_not_stop_the_others_or_the_start()
    {
        await SeedLegacyAsync();
        await _objects.PutAsync(Legacy(LegacyUserDocuments.PreferencesName), BinaryData.FromString("{not json"), WriteCondition.None, CancellationToken.None);

        await _migration.StartAsync(CancellationToken.None);

        var profile = (await _profiles.ReadAsync(User, CancellationToken.None)).Value;
        Assert.Equal("ws-1", profile.Joined?.WorkshopId);
        Assert.Null(profile.ChosenLanguage);
        Assert.Equal([Legacy(LegacyUserDocuments.PreferencesName), UserProfileStore.Key(User)], _objects.Keys(UserProfileStore.UsersPrefix));
    }

    /// <summary>The three documents as the bot before the profile wrote them.</summary>
    private async Task SeedLegacyAsync()
    {
        await PutRawAsync(Legacy(LegacyUserDocuments.ActiveWorkshopName),
            """{"workshopId":"ws-1","groupId":"g2","joinedAt":"2026-11-17T02:00:00+00:00"}""");
        await PutRawAsync(Legacy(LegacyUserDocuments.PreferencesName),
            """{"language":"en","updatedAt":"2026-11-17T02:00:00+00:00"}""");
        await PutRawAsync(Legacy(LegacyUserDocuments.PersonalConversationName),
            """
            {"reference":{"channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/teams/","conversation":{"id":"a:old","conversationType":"personal"},"user":{"id":"29:1user"},"bot":{"id":"28:bot"}},
             "fingerprint":"f-old","welcomedConversationId":"a:old","updatedAt":"2026-11-17T02:00:00+00:00"}
            """);
    }

    private Task<string> PutRawAsync(string key, string json) =>
        _objects.PutAsync(key, BinaryData.FromString(json), WriteCondition.IfNotExists, CancellationToken.None);

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
