using SocialProtection.Bot.TestSupport;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;
using SocialProtection.Bot.Workshop.Tests.Summaries;

namespace SocialProtection.Bot.Workshop.Tests.TestBot;

/// <summary>AddWorkshopBot is the one composition root and WorkshopRoutes the one route table.</summary>
public sealed class CompositionRootTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sp-bot-tests", "root-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Every_service_of_the_bot_can_be_built_and_configuration_reaches_it()
    {
        var settings = new Dictionary<string, string?> { ["Summaries:Cards:MaxCardBytes"] = "12000" };
        using var provider = TestBotServices.Create(settings, new Storage.FileObjectStore(_folder))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<ActivityRouter>(provider.GetRequiredService<IActivityHandler>());
        var summary = new GroupSummaryBuilder().Build(SummaryTestData.Request(SummaryTestData.Group(20)));
        Assert.All(provider.GetRequiredService<SummaryCardBuilder>().Build(summary), c => Assert.True(Protocol.Cards.AdaptiveCardJson.Utf16ByteCount(c) <= 12000));
    }

    [Fact]
    public void Every_options_class_is_bound_to_configuration_exactly_once()
    {
        var services = TestBotServices.Create([], new InMemoryObjectStore());
        var bindings = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .GroupBy(d => d.ServiceType.GetGenericArguments()[0].Name)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(10, bindings.Count);
        Assert.All(bindings, binding => Assert.Equal(1, binding.Value));
    }

    [Fact]
    public async Task Every_card_verb_the_bot_writes_reaches_a_handler()
    {
        await using var world = new BotWorld();
        var someone = new Person("29:someone", "00000000-0000-0000-0000-0000000000a1", "someone");
        string[] verbs =
        [
            .. CardVerbs.All,
            FacilitationVerbs.Create, FacilitationVerbs.Join, FacilitationVerbs.RefreshProgress, FacilitationVerbs.RemindUnfinished,
            SummaryCardVerbs.Vote,
            .. ReminderCardVerbs.PartnerVerbs, ReminderCardVerbs.ViewRefresh,
            FollowUpPlanVerbs.EditPlan, FollowUpPlanVerbs.SavePlan, FollowUpPlanVerbs.Preview, FollowUpPlanVerbs.SendToMe,
            DataRightsCardVerbs.EraseConfirm, DataRightsCardVerbs.EraseCancel,
        ];

        foreach (var verb in verbs)
        {
            var turn = await world.Execute(someone, verb, new JsonObject(), activityId: "press-" + verb);

            Assert.DoesNotContain("UnknownAction", turn.Response!.Body?.GetRawText() ?? "", StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
