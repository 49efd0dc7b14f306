namespace SocialProtection.Bot.Workshop.Tests.TestBot;

/// <summary>Someone in the workshop's team, with Teams' id shapes; their 1:1 chat with the bot is <see cref="PersonalChatId"/>.</summary>
internal sealed record Person(string TeamsId, string AadObjectId, string Name)
{
    /// <summary>Configured in Workshop:Facilitators.</summary>
    public static Person Facilitator { get; } = new("29:1facilitator", "0b7e4c2a-0000-4000-8000-00000000fac1", "สมศรี ใจดี");

    public static Person Colleague { get; } = new("29:1colleague", "0b7e4c2a-0000-4000-8000-00000000c011", "Anan Wongsawat");

    public static Person Alice { get; } = new("29:1alice", "0b7e4c2a-0000-4000-8000-00000000a11c", "นภา ศรีสุข");

    public static Person Bob { get; } = new("29:1bob", "0b7e4c2a-0000-4000-8000-000000000b0b", "Krit Chaiyaporn");

    public static Person Carol { get; } = new("29:1carol", "0b7e4c2a-0000-4000-8000-00000000ca01", "มาลี รุ่งเรือง");

    public string PersonalChatId => FakeTeams.PersonalChatOf(TeamsId);
}
