using Microsoft.Extensions.Options;

namespace SocialProtection.Bot.Workshop.Core.Questions;

/// <summary>
/// Every workshop asks the configured set: the file at Workshop:QuestionSetPath, or the default set. The set is
/// loaded and validated once, when first needed, so a broken file stops the bot with every problem listed.
/// </summary>
internal sealed class ConfiguredQuestionSetProvider(IOptions<ParticipantOptions> options, QuestionKinds kinds) : IQuestionSetProvider
{
    private readonly Lazy<QuestionSet> _set = new(() => options.Value.QuestionSetPath is { Length: > 0 } path
        ? QuestionSetLoader.LoadFile(path, kinds)
        : QuestionSetLoader.LoadDefault());

    public QuestionSet ForWorkshop(string workshopId) => _set.Value;
}
