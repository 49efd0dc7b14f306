using System.Text.Json.Nodes;

namespace SocialProtection.Bot.Deployment.Tests;

[Collection(ScriptCollection.Name)]
public sealed class CommandListTests(BuiltAppPackage package)
{
    static readonly string[] PersonalCommands = ["help", "start", "continue", "status", "review", "language", "cancel"];

    static readonly string[] FacilitatorCommands = ["help", "workshop new", "summary", "progress", "report", "followup"];

    JsonArray Lists => package.Manifest["bots"]![0]!["commandLists"]!.AsArray();

    int ListFor(string scope)
    {
        var matches = Lists.Select((list, index) => (list, index))
            .Where(x => x.list!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope))
            .ToList();
        return Assert.Single(matches).index;
    }

    List<string> EnglishTitles(int list) =>
        Enumerable.Range(0, Lists[list]!["commands"]!.AsArray().Count)
            .Select(i => package.English[$"bots[0].commandLists[{list}].commands[{i}].title"]!.GetValue<string>())
            .ToList();

    List<string> ThaiTitles(int list) =>
        Lists[list]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();

    [Fact]
    public void Each_scope_has_its_own_command_list()
    {
        Assert.Equal(3, Lists.Count);
        Assert.All(Lists, list => Assert.Single(list!["scopes"]!.AsArray()));
        Assert.Equal([0, 1, 2], new[] { ListFor("personal"), ListFor("team"), ListFor("groupChat") }.Order());
    }

    [Fact]
    public void Personal_chat_offers_the_participant_commands_in_English()
    {
        Assert.Equal(PersonalCommands, EnglishTitles(ListFor("personal")));
    }

    [Theory]
    [InlineData("team")]
    [InlineData("groupChat")]
    public void Teams_and_group_chats_offer_the_facilitator_commands_in_English(string scope)
    {
        Assert.Equal(FacilitatorCommands, EnglishTitles(ListFor(scope)));
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("team")]
    [InlineData("groupChat")]
    public void Every_command_has_a_Thai_title_and_description_and_an_English_one(string scope)
    {
        var list = ListFor(scope);
        var commands = Lists[list]!["commands"]!.AsArray();
        for (var i = 0; i < commands.Count; i++)
        {
            Assert.True(ThaiText.Contains(commands[i]!["title"]!.GetValue<string>()), $"{scope} command {i} has no Thai title");
            Assert.True(ThaiText.Contains(commands[i]!["description"]!.GetValue<string>()), $"{scope} command {i} has no Thai description");
            Assert.False(string.IsNullOrWhiteSpace(package.English[$"bots[0].commandLists[{list}].commands[{i}].description"]?.GetValue<string>()));
        }
        // Teams sends the title the user picked as the message text, so titles must not collide.
        Assert.Equal(ThaiTitles(list).Count, ThaiTitles(list).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(EnglishTitles(list).Count, EnglishTitles(list).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Team_and_group_chat_lists_offer_the_same_commands_in_Thai()
    {
        Assert.Equal(ThaiTitles(ListFor("team")), ThaiTitles(ListFor("groupChat")));
    }
}
