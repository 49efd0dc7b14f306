using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>Which question set a workshop asks.</summary>
internal interface IQuestionSetProvider
{
    QuestionSet ForWorkshop(string workshopId);
}
