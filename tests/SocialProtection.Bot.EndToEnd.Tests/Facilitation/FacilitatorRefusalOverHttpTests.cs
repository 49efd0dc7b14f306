using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>
/// Through /api/messages on the real host: someone who is not a facilitator is refused every facilitator action, typed
/// or pressed, with the bilingual refusal, and nothing in the store changes.
/// </summary>
public sealed class FacilitatorRefusalOverHttpTests : ChannelBotTest
{
    private const string Refusal = "Only this workshop's facilitators can do this. Nothing was changed.";
    private const string KickoffId = "kickoff";

    [Fact]
    public async Task Someone_who_is_not_a_facilitator_is_refused_every_facilitator_action_and_nothing_changes()
    {
        var connector = Connector;
        using var http = Bot.CreateClient();
        var other = new ChannelMember(http, connector.ServiceUrl, "Anan Wongsawat", Guid.NewGuid().ToString());
        var workshopId = await CreateWorkshopAsync(Facilitator(http));
        Assert.Equal(ChannelMember.ChannelId, (await LastCardCallAsync(FacilitationVerbs.Join)).ConversationId);
        var before = await SnapshotAsync();
        var callsBefore = connector.Calls.Count;

        string[] commands =
        [
            "workshop new", "สร้างเวิร์กชอป", "progress", "ความคืบหน้า", "summary", "สรุป 1", "report", "รายงาน",
            "facilitator add", "เพิ่มวิทยากร", "close", "ปิดรับคำตอบ", "reopen", "vote reset", "ล้างโหวต",
        ];
        foreach (var command in commands)
        {
            Assert.Equal(HttpStatusCode.OK, (await other.PostAsync(command)).StatusCode);
        }
        var refresh = await other.PressAsync(FacilitationVerbs.RefreshProgress, new JsonObject { ["workshopId"] = workshopId }, KickoffId);
        var create = await other.PressAsync(FacilitationVerbs.Create, new JsonObject
        {
            ["workshopId"] = "abcdefghij",
            ["title"] = "Not mine",
            ["date"] = "2026-11-18",
        }, KickoffId);

        var replies = await connector.WaitForAsync(calls => calls.Count >= callsBefore + commands.Length);
        var refusals = replies.Skip(callsBefore).ToList();
        Assert.Equal(commands.Length, refusals.Count);
        Assert.All(refusals, call =>
        {
            Assert.Equal("POST", call.Method);
            Assert.Contains(Refusal, call.Text, StringComparison.Ordinal);
            Assert.Contains("เฉพาะวิทยากรกระบวนการ", call.Text, StringComparison.Ordinal);
        });
        foreach (var body in new[] { refresh, create })
        {
            Assert.Equal(403, body.GetProperty("statusCode").GetInt32());
            Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
            Assert.Contains(Refusal, body.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<IReadOnlyDictionary<string, string>> SnapshotAsync()
    {
        var store = Bot.Services.GetRequiredService<IObjectStore>();
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var info in store.ListAsync("", CancellationToken.None))
        {
            all[info.Key] = info.ETag;
        }
        return all;
    }
}
