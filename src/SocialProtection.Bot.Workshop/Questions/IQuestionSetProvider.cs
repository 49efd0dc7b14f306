namespace SocialProtection.Bot.Workshop.Questions;

/// <summary>Which question set a workshop asks.</summary>
public interface IQuestionSetProvider
{
    QuestionSet ForWorkshop(string workshopId);
}
