using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Tests.Cards;

public sealed class CardRendererValidationTests
{
    [Fact]
    public async Task Every_card_the_dialog_can_send_parses_in_the_Adaptive_Cards_renderer_without_errors_or_warnings()
    {
        var set = QuestionSetLoader.LoadDefault();
        var cards = CardSamples.All(set, Language.Thai).Concat(CardSamples.All(set, Language.English)).ToList();

        var report = await AdaptiveCardValidator.ValidateAsync([.. cards.Select(c => AdaptiveCardJson.Serialize(c.Card))]);

        Assert.True(report.IsClean, string.Join("\n", report.Cards.Where(c => !c.IsClean).Select(c => cards[c.Index].Name + ": " + string.Join("; ", c.Issues))));
    }
}
