using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>
/// A participant's first message waits for as few storage round trips in a row as it can (issue 16: first turns were
/// the slowest 1 %): their profile (which workshop they are in, their remembered language) and their record there are
/// read at once, and how to reach them is stored in the profile at the same time as their record, which claims it only
/// once it is stored. A newcomer's first message costs the store two reads and two writes, no more.
/// </summary>
public sealed class FirstTurnRoundTripsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly BotWorld _bot = ParticipantChat.NewBot();
    private readonly string _alice = Person.Alice.AadObjectId;

    public void Dispose() => _bot.Dispose();

    private string RecordKey => WorkshopKeys.Participant(ParticipantChat.WorkshopId, _alice);

    private string ProfileKey => UserProfileStore.Key(_alice);

    [Fact]
    public async Task A_newcomers_first_message_reads_their_profile_and_record_once_and_writes_each_once()
    {
        var start = await _bot.Say(Person.Alice, "เริ่ม");

        Assert.Contains("ข้อ 1 / 11", CardJson.Text(start.CurrentCard), StringComparison.Ordinal);
        Assert.Equal([ProfileKey, RecordKey], _bot.Store.KeysRead.Order(StringComparer.Ordinal));
        Assert.Equal([ProfileKey, RecordKey], _bot.Store.KeysWritten.Order(StringComparer.Ordinal));
        Assert.NotNull(_bot.StoredConversation(Person.Alice));
    }

    [Fact]
    public async Task Someone_welcomed_on_install_has_their_chat_stored_already_and_their_first_message_writes_only_the_record()
    {
        await _bot.Install(Person.Alice, ActivityTypes.InstallationUpdate);
        _bot.Store.KeysRead.Clear();
        _bot.Store.KeysWritten.Clear();

        await _bot.Say(Person.Alice, "เริ่ม");

        Assert.Equal([ProfileKey, RecordKey], _bot.Store.KeysRead.Order(StringComparer.Ordinal));
        Assert.Equal([RecordKey], _bot.Store.KeysWritten);
        Assert.Equal(_bot.StoredConversation(Person.Alice)!.Fingerprint, _bot.Stored(Person.Alice)!.ConversationFingerprint);
    }

    [Fact]
    public async Task The_first_message_reads_its_profile_and_its_record_at_once()
    {
        using var pointer = _bot.Store.Hold(ProfileKey);

        var turn = _bot.Say(Person.Alice, "เริ่ม");
        await UntilAsync(() => _bot.Store.KeysRead.Contains(RecordKey));
        Assert.False(turn.IsCompleted);
        pointer.Release();
        var start = await turn.WaitAsync(Patience);

        Assert.Contains("ข้อ 1 / 11", CardJson.Text(start.CurrentCard), StringComparison.Ordinal);
        Assert.NotNull(_bot.Stored(Person.Alice));
    }

    [Fact]
    public async Task The_first_message_stores_how_to_reach_them_beside_the_record_and_the_next_answer_claims_it_without_storing_it_again()
    {
        using (var reference = _bot.Store.Hold(ProfileKey, writesOnly: true))
        {
            var turn = _bot.Say(Person.Alice, "เริ่ม");
            await UntilAsync(() => _bot.Store.KeysWritten.Contains(RecordKey));
            Assert.False(turn.IsCompleted);
            reference.Release();
            await turn.WaitAsync(Patience);
        }
        Assert.NotNull(_bot.StoredConversation(Person.Alice));
        // Stored at the same moment as the reference, the record does not claim it yet.
        Assert.Null(_bot.Stored(Person.Alice)!.ConversationFingerprint);

        _bot.Store.KeysWritten.Clear();
        var card = (await _bot.Say(Person.Alice, "ทำต่อ")).CurrentCard;
        await _bot.Execute(Person.Alice, card, CardVerbs.Answer, "government");

        Assert.Equal(_bot.StoredConversation(Person.Alice)!.Fingerprint, _bot.Stored(Person.Alice)!.ConversationFingerprint);
        Assert.Equal("government", _bot.Stored(Person.Alice)!.Answers["organisationType"].Choices!.Single());
        Assert.DoesNotContain(ProfileKey, _bot.Store.KeysWritten);
    }

    [Fact]
    public async Task When_only_the_reference_cannot_be_stored_the_participant_still_starts_and_their_next_turn_stores_it()
    {
        _bot.Store.WritesFailFor = ProfileKey;

        var start = await _bot.Say(Person.Alice, "เริ่ม");

        Assert.Contains("ข้อ 1 / 11", CardJson.Text(start.CurrentCard), StringComparison.Ordinal);
        Assert.Null(_bot.StoredConversation(Person.Alice));
        Assert.Null(_bot.Stored(Person.Alice)!.ConversationFingerprint);

        _bot.Store.WritesFailFor = null;
        await _bot.Execute(Person.Alice, start.CurrentCard, CardVerbs.Answer, "government");
        Assert.NotNull(_bot.StoredConversation(Person.Alice));
        await _bot.Say(Person.Alice, "ทำงานร่วมกับเครือข่ายในพื้นที่");

        // Claimed by the write after the one it was stored beside.
        Assert.Equal(_bot.StoredConversation(Person.Alice)!.Fingerprint, _bot.Stored(Person.Alice)!.ConversationFingerprint);
        Assert.Equal("ทำงานร่วมกับเครือข่ายในพื้นที่", _bot.Stored(Person.Alice)!.Answers["goodPractices"].Text);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The turn did not start the operation while the held one waited.");
            await Task.Delay(10);
        }
    }
}
