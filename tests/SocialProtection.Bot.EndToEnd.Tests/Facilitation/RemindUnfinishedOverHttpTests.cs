using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>
/// Issue 17, item 2, through /api/messages on the real host: a participant joins from the kickoff card and does not
/// finish; the facilitator's "Remind those who have not finished" on the progress card sends them one reminder in
/// their 1:1 chat (paced, in the background) and tells the facilitator how many were reminded.
/// </summary>
public sealed class RemindUnfinishedOverHttpTests : ChannelBotTest
{
    [Fact]
    public async Task A_participant_who_has_not_finished_is_reminded_once_in_their_personal_chat()
    {
        var connector = Connector;
        using var http = Bot.CreateClient();
        var facilitator = Facilitator(http);
        var participant = new ChannelMember(http, connector.ServiceUrl, "นภา ศรีสุข", Guid.NewGuid().ToString());
        await CreateWorkshopAsync(facilitator);
        var kickoff = await LastCardCallAsync(FacilitationVerbs.Join);
        await participant.PressAsync(FacilitationVerbs.Join, AdaptiveCardReader.ExecuteData(kickoff.Cards.First(), FacilitationVerbs.Join), "kickoff-card");
        var personalChat = "a:personal-" + participant.Id;
        await connector.WaitForAsync(calls => calls.Any(c => c.ConversationId == personalChat && c.Cards.Any()));

        await facilitator.PostAsync("progress");
        var progress = await LastCardCallAsync(FacilitationVerbs.RemindUnfinished);
        var answer = await facilitator.PressAsync(FacilitationVerbs.RemindUnfinished,
            AdaptiveCardReader.ExecuteData(progress.Cards.First(), FacilitationVerbs.RemindUnfinished), "progress-card");

        Assert.Contains("Reminded 1 in their personal chat", answer.GetProperty("value").GetString(), StringComparison.Ordinal);
        var reminders = (await connector.WaitForAsync(calls => calls.Any(c => c.ConversationId == personalChat && IsReminder(c))))
            .Where(c => c.ConversationId == personalChat && IsReminder(c)).ToList();
        var reminder = Assert.Single(reminders, r => r.Method == "POST");
        Assert.Contains("ถอดบทเรียน", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("type **continue**", reminder.Text, StringComparison.Ordinal);
    }

    private static bool IsReminder(ConnectorCall call) => (call.Text ?? "").Contains("ยังไม่เสร็จ", StringComparison.Ordinal);
}
