using System.Text.Json;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>What facilitators and participants do in the channel, in a <see cref="BotWorld"/>, through the cards.</summary>
internal static class FacilitationSteps
{
    /// <summary>Types <c>workshop new</c> and returns the set-up card the bot replied with.</summary>
    public static async Task<JsonElement> SetupCardAsync(this BotWorld world, Person facilitator, string command = "workshop new")
    {
        var turn = await world.SayInChannel(facilitator, command);
        return Assert.Single(turn.Posts.SelectMany(p => p.Cards));
    }

    /// <summary>Sets up and creates a workshop through the cards; returns it as stored.</summary>
    public static async Task<WorkshopRecord> CreateWorkshopAsync(
        this BotWorld world,
        string title = "ถอดบทเรียนการคุ้มครองทางสังคม",
        string groups = "กลุ่มนโยบาย\nกลุ่มกลไกขับเคลื่อน",
        string visibility = FacilitationFields.Anonymous,
        string date = "2026-11-18",
        Person? facilitator = null,
        string? language = null)
    {
        var card = await world.SetupCardAsync(facilitator ?? Person.Facilitator);
        var inputs = new Dictionary<string, string>
        {
            [FacilitationFields.Title] = title,
            [FacilitationFields.Date] = date,
            [FacilitationFields.Groups] = groups,
            [FacilitationFields.Visibility] = visibility,
        };
        if (language is not null)
        {
            inputs[FacilitationFields.Language] = language;
        }
        var data = BotWorld.ButtonData(card, FacilitationVerbs.Create, inputs);
        var created = await world.Press(facilitator ?? Person.Facilitator, FacilitationVerbs.Create, data);
        Assert.NotNull(created.PressedCard);
        return await world.Workshop((string)data[FacilitationFields.WorkshopId]!) ?? throw new InvalidOperationException("The workshop was not stored.");
    }

    /// <summary>The kickoff card of a workshop, as posted in the channel.</summary>
    public static JsonElement KickoffCard(this BotWorld world, WorkshopRecord workshop) =>
        world.Teams.Calls.Last(c => c.Method == "POST" && c.Id == workshop.KickoffActivityId).Cards[0];

    /// <summary>Presses Answer on the kickoff card, choosing <paramref name="groupId"/> when the card asks.</summary>
    public static Task<BotTurn> JoinAsync(this BotWorld world, Person person, WorkshopRecord workshop, string? groupId = "g1", CardActionSource source = CardActionSource.Execute)
    {
        var inputs = new Dictionary<string, string>();
        if (groupId is not null && workshop.Groups.Length > 1)
        {
            inputs[FacilitationFields.Group] = groupId;
        }
        return world.Press(person, FacilitationVerbs.Join, BotWorld.ButtonData(world.KickoffCard(workshop), FacilitationVerbs.Join, inputs), workshop.KickoffActivityId, source);
    }

    /// <summary>Waits until every queued summary posting has finished.</summary>
    public static async Task WaitForPostingsAsync(this BotWorld world, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var pending = await world.Get<SummaryPostingStore>().ListPendingAsync(CancellationToken.None);
            if (pending.Count == 0)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The summary postings did not finish.");
    }

    /// <summary>Waits until every queued finish-your-answers reminder has been sent.</summary>
    public static async Task WaitForRemindersAsync(this BotWorld world, TimeSpan? timeout = null)
    {
        var queue = world.Get<ProgressReminderQueue>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!queue.IsIdle)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The reminders were not sent.");
            }
            await Task.Delay(20);
        }
    }
}
