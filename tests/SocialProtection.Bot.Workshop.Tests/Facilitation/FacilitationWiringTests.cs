using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class FacilitationWiringTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Need_help_from_a_partner_goes_to_the_workshop_channel()
    {
        var workshop = await _world.CreateWorkshopAsync();
        var notifier = _world.Get<IFacilitatorNotifier>();
        Assert.IsType<WorkshopChannelFacilitatorNotifier>(notifier);

        var message = await notifier.ComposeAsync(Help(workshop.Id), CancellationToken.None);

        Assert.NotNull(message);
        Assert.Equal(BotWorld.ChannelId, message.ConversationId);
        Assert.Null(message.Conversation.ActivityId);
        Assert.Equal(BotWorld.TenantId, message.TenantId);
        Assert.Contains("ขอเครื่องมือจากกองทุน", string.Join("\n", (message.Activity.Attachments ?? []).Select(a => a.Content!.Value.GetRawText())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Need_help_for_a_workshop_known_only_from_its_follow_up_plan_goes_where_the_plan_was_set()
    {
        var plan = new ConversationReference
        {
            Conversation = new ConversationAccount { Id = "19:planchat@thread.v2" },
            ServiceUrl = BotWorld.ServiceUrl,
            ActivityId = "x",
        };
        await _world.Get<FollowUpStore>().UpdatePlanAsync("ws-plan", _ => UpdateDecision.Write(new FollowUpPlan
        {
            WorkshopId = "ws-plan",
            WorkshopDate = new DateOnly(2026, 11, 18),
            FacilitatorConversation = plan,
        }), CancellationToken.None);

        var message = await _world.Get<IFacilitatorNotifier>().ComposeAsync(Help("ws-plan"), CancellationToken.None);

        Assert.Equal("19:planchat@thread.v2", message!.ConversationId);
        Assert.Null(await _world.Get<IFacilitatorNotifier>().ComposeAsync(Help("nosuchplan"), CancellationToken.None));
    }

    [Fact]
    public void Facilitators_must_be_configured_as_Entra_object_ids()
    {
        var settings = new Dictionary<string, string?> { ["Workshop:Facilitators:0"] = "somchai@example.org" };
        using var provider = TestBot.TestBotServices.Create(settings, _world.Store).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FacilitationOptions>>().Value);
        Assert.Contains("Workshop:Facilitators", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_workshops_question_card_can_still_be_refreshed()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.JoinAsync(Person.Alice, workshop, "g1");
        var question = _world.PersonalCards(Person.Alice)[^1];
        await _world.SayInChannel(Person.Facilitator, "close");

        var turn = await _world.Refresh(Person.Alice, question);

        Assert.NotNull(turn.PressedCard);
        Assert.True(CardJson.HasAction(turn.PressedCard!.Value, CardVerbs.Answer));
    }

    private static HelpRequest Help(string workshopId) => new(
        workshopId,
        Person.Alice.AadObjectId,
        Person.Alice.Name,
        new FollowUpCommitment
        {
            Id = "c1",
            Action = "ขอเครื่องมือจากกองทุน",
            Organisation = "สป.พม.",
            DueDate = new DateOnly(2026, 12, 31),
        },
        "ช่วยด้วย",
        new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
}
