namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>
/// The participant tests' <see cref="BotWorld"/>: personal chats answer into <see cref="WorkshopId"/>, in March, before
/// any follow-up date a participant types.
/// </summary>
internal static class ParticipantChat
{
    public const string WorkshopId = "ws-test";

    public static BotWorld NewBot(string? questionSetPath = null) => new(
        new Dictionary<string, string?>
        {
            ["Workshop:DefaultWorkshopId"] = WorkshopId,
            ["Workshop:QuestionSetPath"] = questionSetPath,
            ["Workshop:Facilitators:0"] = null,
        },
        start: new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero));

    /// <summary>The same people and data in another bot process, answering into another workshop (in <paramref name="language"/>, Thai when null).</summary>
    public static BotWorld OtherWorkshop(this BotWorld bot, string workshopId, string? language = null) => bot.AnotherInstance(new Dictionary<string, string?>
    {
        ["Workshop:DefaultWorkshopId"] = workshopId,
        ["Workshop:DefaultLanguage"] = language,
        ["Workshop:QuestionSetPath"] = null,
    });
}
