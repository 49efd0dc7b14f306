using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>A frequent phrase as word ids of a <see cref="ThemeCorpus"/>, with its counts.</summary>
/// <param name="Id">Identifies the phrase within its <see cref="FrequentPhrases"/>.</param>
internal readonly record struct PhraseCount(long Id, int[] Words, int Participants, int Occurrences);
