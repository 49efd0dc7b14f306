using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.EndToEnd.Tests.DataRights;

/// <summary>A participant erases their own data through /api/messages on the real host: ask, confirm on the card, gone.</summary>
public sealed class ErasureOverHttpTests : BotOverHttpTest
{
    private async Task<List<string>> KeysWithAsync(string userKey)
    {
        var keys = new List<string>();
        await foreach (var info in Bot.GetRequiredService<IObjectStore>().ListAsync("", CancellationToken.None))
        {
            if (info.Key.Contains(userKey, StringComparison.Ordinal))
            {
                keys.Add(info.Key);
            }
        }
        return keys;
    }

    [Fact]
    public async Task A_participant_asks_confirms_and_everything_stored_under_their_id_is_gone_while_others_stay()
    {
        var alice = new LessonParticipant(new TeamsUser(Http, Connector.ServiceUrl, "Alice"), Connector);
        var bob = new LessonParticipant(new TeamsUser(Http, Connector.ServiceUrl, "Bob"), Connector);
        foreach (var person in new[] { alice, bob })
        {
            var card = await person.SayAndWaitForCardAsync("เริ่ม");
            await person.AnswerAsync(card, "civilSociety");
        }
        Assert.NotEmpty(await KeysWithAsync(alice.User.AadObjectId));

        var confirmation = await alice.SayAndWaitForCardAsync("ลบข้อมูลของฉัน");
        Assert.Contains(DataRightsCardVerbs.EraseConfirm, confirmation.GetRawText(), StringComparison.Ordinal);
        Assert.NotEmpty(await KeysWithAsync(alice.User.AadObjectId));

        var (response, current) = await alice.PressAsync(confirmation, DataRightsCardVerbs.EraseConfirm);

        Assert.True(LessonParticipant.IsCard(response));
        Assert.Contains("ลบข้อมูลของคุณแล้ว", AdaptiveCardReader.Text(current), StringComparison.Ordinal);
        Assert.Empty(await KeysWithAsync(alice.User.AadObjectId));
        Assert.NotNull(await Bot.GetRequiredService<IObjectStore>().GetAsync(
            WorkshopKeys.Participant("default", bob.User.AadObjectId), CancellationToken.None));
    }
}
