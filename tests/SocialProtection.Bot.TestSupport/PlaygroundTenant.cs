using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// Who and where, inside one Agents Playground: the tenant, the bot, the signed-in user, five other people,
/// one personal chat, one group chat and one team with its General channel plus one more channel.
/// </summary>
/// <remarks>
/// The Playground reads this from <c>.m365agentsplayground.yml</c> (schema 0.1.1, which allows exactly five
/// other users and at most one channel besides General). Ids have Teams' shapes so the bot meets the same
/// strings it will meet in Teams. A test picks the conversation type by picking the conversation id.
/// </remarks>
public sealed record PlaygroundTenant(
    string TenantId,
    string BotId,
    string BotName,
    PlaygroundUser CurrentUser,
    IReadOnlyList<PlaygroundUser> Users,
    string PersonalChatId,
    string GroupChatId,
    string GroupChatName,
    string TeamId,
    string TeamName,
    string TeamAadGroupId,
    string ChannelId,
    string ChannelName)
{
    /// <summary>The number of users besides <see cref="CurrentUser"/> that the Playground requires.</summary>
    public const int OtherUserCount = 5;

    /// <summary>The team's General channel: its conversation id is the team id.</summary>
    public string GeneralChannelId => TeamId;

    /// <summary>The signed-in user followed by the five others.</summary>
    public IEnumerable<PlaygroundUser> AllUsers => Users.Prepend(CurrentUser);

    /// <summary>A tenant with fresh random ids and Thai and English names, so tests never share state by accident.</summary>
    public static PlaygroundTenant CreateRandom()
    {
        return new PlaygroundTenant(
            TenantId: Guid.NewGuid().ToString(),
            BotId: "28:" + Guid.NewGuid(),
            BotName: "Social Protection Bot",
            CurrentUser: NewUser("สมศรี", "ใจดี", "somsri.j"),
            Users:
            [
                NewUser("Anan", "Wongsawat", "anan.w"),
                NewUser("นภา", "ศรีสุข", "napa.s"),
                NewUser("Krit", "Chaiyaporn", "krit.c"),
                NewUser("มาลี", "รุ่งเรือง", "malee.r"),
                NewUser("Pim", "Thongdee", "pim.t"),
            ],
            PersonalChatId: "a:1" + RandomAlphanumeric(60),
            GroupChatId: "19:" + RandomHex(32) + "@thread.v2",
            GroupChatName: "Workshop group chat",
            TeamId: "19:" + RandomHex(32) + "@thread.tacv2",
            TeamName: "Social Protection Workshop",
            TeamAadGroupId: Guid.NewGuid().ToString(),
            ChannelId: "19:" + RandomHex(32) + "@thread.tacv2",
            ChannelName: "Working group");
    }

    /// <summary>The Playground's config file content. JSON is valid YAML, and it spares us a YAML writer.</summary>
    public string ToConfigFileContent()
    {
        if (Users.Count != OtherUserCount)
        {
            throw new InvalidOperationException(
                $"The Agents Playground needs exactly {OtherUserCount} users besides the current user; got {Users.Count}.");
        }

        var config = new JsonObject
        {
            ["version"] = "0.1.1",
            ["tenantId"] = TenantId,
            ["bot"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["currentUser"] = UserNode(CurrentUser),
            ["users"] = new JsonArray(Users.Select(u => (JsonNode)UserNode(u)).ToArray()),
            ["personalChat"] = new JsonObject { ["id"] = PersonalChatId },
            ["groupChat"] = new JsonObject { ["id"] = GroupChatId, ["name"] = GroupChatName },
            ["team"] = new JsonObject
            {
                ["id"] = TeamId,
                ["name"] = TeamName,
                ["aadGroupId"] = TeamAadGroupId,
                ["channels"] = new JsonArray(new JsonObject { ["id"] = ChannelId, ["name"] = ChannelName }),
            },
        };
        return config.ToJsonString();
    }

    private static JsonObject UserNode(PlaygroundUser user) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        // The Playground's schema spells it this way.
        ["userPrincipleName"] = user.Email,
        ["aadObjectId"] = user.AadObjectId,
        ["givenName"] = user.GivenName,
        ["surname"] = user.Surname,
        ["email"] = user.Email,
    };

    private static PlaygroundUser NewUser(string givenName, string surname, string mailbox)
    {
        return new PlaygroundUser(
            Id: "29:1" + RandomAlphanumeric(42),
            Name: givenName + " " + surname,
            AadObjectId: Guid.NewGuid().ToString(),
            GivenName: givenName,
            Surname: surname,
            Email: mailbox + "@example.org");
    }

    private static string RandomHex(int length) => RandomNumberGenerator.GetHexString(length, lowercase: true);

    private static string RandomAlphanumeric(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
