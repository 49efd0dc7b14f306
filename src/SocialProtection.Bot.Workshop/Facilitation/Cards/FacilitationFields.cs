using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>The fields of the data the facilitator side's cards send back: hidden data plus the cards' input ids.</summary>
internal static class FacilitationFields
{
    public const string Verb = "verb";
    public const string WorkshopId = "workshopId";

    // Set-up card inputs.
    public const string Title = "title";
    public const string Date = "date";
    public const string Groups = "groups";
    public const string Visibility = "visibility";
    public const string QuestionSet = "questionSet";
    public const string Language = "language";

    // Kickoff card input.
    public const string Group = "group";

    public const string Anonymous = "anonymous";
    public const string Named = "named";

    // The workshop language's values, as the language command takes them.
    public const string Thai = "th";
    public const string English = "en";
}
