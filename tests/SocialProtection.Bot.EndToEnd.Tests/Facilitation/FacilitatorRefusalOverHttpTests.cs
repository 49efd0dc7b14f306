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
public sealed class FacilitatorRefusalOverHttpTests : IAsyncLifetime
{
    private const string Refusal = "Only this workshop's facilitators can do this. Nothing was changed.";

    private readonly string _storeFolder = Directory.CreateTempSubdirectory("facilitation-http-").FullName;
    private RecordingConnector? _connector;
    private BotHost? _bot;
    private readonly string _facilitatorId = Guid.NewGuid().ToString();
    private ChannelMember _facilitator = null!;
    private ChannelMember _other = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        var settings = BotHost.LocalStore(_storeFolder);
        settings["Workshop:Facilitators:0"] = _facilitatorId;
        _bot = await BotHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
        try
        {
            Directory.Delete(_storeFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Someone_who_is_not_a_facilitator_is_refused_every_facilitator_action_and_nothing_changes()
    {
        var connector = _connector!;
        using var http = _bot!.CreateClient();
        _facilitator = new ChannelMember(http, connector.ServiceUrl, "สมศรี ใจดี", _facilitatorId);
        _other = new ChannelMember(http, connector.ServiceUrl, "Anan Wongsawat", Guid.NewGuid().ToString());
        var (workshopId, kickoffId) = await CreateWorkshopAsync();
        var before = await SnapshotAsync();
        var callsBefore = connector.Calls.Count;

        string[] commands =
        [
            "workshop new", "สร้างเวิร์กชอป", "progress", "ความคืบหน้า", "summary", "สรุป 1", "report", "รายงาน",
            "facilitator add", "เพิ่มวิทยากร", "close", "ปิดรับคำตอบ", "reopen", "vote reset", "ล้างโหวต",
        ];
        foreach (var command in commands)
        {
            Assert.Equal(HttpStatusCode.OK, (await _other.PostAsync(command)).StatusCode);
        }
        var refresh = await _other.PressAsync(FacilitationVerbs.RefreshProgress, new JsonObject { ["workshopId"] = workshopId }, kickoffId);
        var create = await _other.PressAsync(FacilitationVerbs.Create, new JsonObject
        {
            ["workshopId"] = "abcdefghij",
            ["title"] = "Not mine",
            ["date"] = "2026-11-18",
        }, kickoffId);

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

    private async Task<(string WorkshopId, string KickoffId)> CreateWorkshopAsync()
    {
        var connector = _connector!;
        await _facilitator.PostAsync("workshop new");
        var setupCall = (await connector.WaitForAsync(calls => calls.Any(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create)))))
            .First(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Create)));
        var data = AdaptiveCardReader.ExecuteData(setupCall.Cards.First(), FacilitationVerbs.Create);
        data["title"] = "ถอดบทเรียน";
        data["date"] = "2026-11-18";
        var created = await _facilitator.PressAsync(FacilitationVerbs.Create, data, "setup-card");
        Assert.Equal("application/vnd.microsoft.card.adaptive", created.GetProperty("type").GetString());
        var kickoff = (await connector.WaitForAsync(calls => calls.Any(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Join)))))
            .First(c => c.Cards.Any(card => AdaptiveCardReader.HasExecute(card, FacilitationVerbs.Join)));
        Assert.Equal(ChannelMember.ChannelId, kickoff.ConversationId);
        return ((string)data["workshopId"]!, "kickoff");
    }

    private async Task<IReadOnlyDictionary<string, string>> SnapshotAsync()
    {
        var store = _bot!.Services.GetRequiredService<IObjectStore>();
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var info in store.ListAsync("", CancellationToken.None))
        {
            all[info.Key] = info.ETag;
        }
        return all;
    }
}
