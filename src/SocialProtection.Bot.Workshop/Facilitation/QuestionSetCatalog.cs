using Microsoft.Extensions.Options;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// The question sets a facilitator can choose at set-up: the default (the set personal chats use without a workshop:
/// Workshop:QuestionSetPath or the set that ships with the bot), then each file of Workshop:QuestionSets. Loaded and
/// validated once, when first needed; two sets with the same id stop the bot with a clear error.
/// </summary>
internal sealed class QuestionSetCatalog
{
    private readonly Lazy<IReadOnlyList<QuestionSet>> _sets;

    public QuestionSetCatalog(IQuestionSetProvider provider, IOptions<ParticipantOptions> participants, IOptions<FacilitationOptions> options, QuestionKinds kinds)
    {
        _sets = new Lazy<IReadOnlyList<QuestionSet>>(() =>
        {
            var sets = new List<QuestionSet> { provider.ForWorkshop(participants.Value.DefaultWorkshopId) };
            foreach (var path in options.Value.QuestionSets.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                var set = QuestionSetLoader.LoadFile(path, kinds);
                if (sets.Any(s => s.Id == set.Id))
                {
                    throw new InvalidOperationException($"Two question sets have the id '{set.Id}' (Workshop:QuestionSets); each needs its own.");
                }
                sets.Add(set);
            }
            return sets;
        });
    }

    public QuestionSet Default => _sets.Value[0];

    public IReadOnlyList<QuestionSet> All => _sets.Value;

    public QuestionSet? Find(string? id) => _sets.Value.FirstOrDefault(s => s.Id == id);
}
