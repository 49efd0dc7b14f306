namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// What <see cref="ThaiDateParser.Read"/> made of an input: the date, or why there is none. <see cref="Day"/> and
/// <see cref="Month"/> are the numbers as written (0 when the input was not read that far), so an impossible date
/// can be named back to the participant.
/// </summary>
internal readonly record struct ThaiDateReading(DateOnly? Date, ThaiDateError Error, int Day, int Month);
