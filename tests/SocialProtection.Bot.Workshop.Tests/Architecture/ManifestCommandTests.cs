using System.Text.Json.Nodes;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;

namespace SocialProtection.Bot.Workshop.Tests.Architecture;

/// <summary>
/// The command lists Teams shows (manifest.json in Thai, en.json in English) and the bot's phrase tables must agree:
/// Teams sends the picked title as the message, so a title the bot does not understand is a dead menu entry.
/// </summary>
public sealed class ManifestCommandTests
{
    public static TheoryData<string, string> ListedCommands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifest", "manifest.json")))!;
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifest", "en.json")))!;
        var data = new TheoryData<string, string>();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var list = 0; list < lists.Count; list++)
        {
            var scope = lists[list]!["scopes"]![0]!.GetValue<string>();
            var commands = lists[list]!["commands"]!.AsArray();
            for (var i = 0; i < commands.Count; i++)
            {
                data.Add(scope, commands[i]!["title"]!.GetValue<string>());
                data.Add(scope, english[$"bots[0].commandLists[{list}].commands[{i}].title"]!.GetValue<string>());
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ListedCommands))]
    public void Every_command_in_the_manifest_is_one_the_bot_understands_where_it_is_listed(string scope, string title)
    {
        var understood = scope == "personal"
            ? ParticipantCommandParser.Parse(title) is not null
            : FacilitatorCommandParser.Parse(title) is not null || FollowUpCommand.Matches(title);
        Assert.True(understood, $"The {scope} command list offers \"{title}\", which the bot does not understand there.");
    }
}
