using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>Which question set a workshop asks.</summary>
public interface IQuestionSetProvider
{
    QuestionSet ForWorkshop(string workshopId);
}
