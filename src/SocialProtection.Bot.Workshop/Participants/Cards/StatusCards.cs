using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>The cards around the questions: welcome, saved for later, submitted.</summary>
internal static class StatusCards
{
    public static AdaptiveCard Welcome(CardContext context, Notice? notice)
    {
        var other = context.Language == Language.Thai ? Language.English : Language.Thai;
        var body = CardParts.Body(
            CardParts.Bilingual(context, context.Text[UiTextKeys.WelcomeTitle]),
            [CardParts.NoticeBlock(context, notice)],
            [CardParts.Paragraph(context.T(UiTextKeys.WelcomeBody))],
            [CardParts.Caption(CardParts.Escaped(context.Set.Title).In(context.Language))],
            [CardParts.Hint(context.T(UiTextKeys.Intro))]);
        return CardParts.Card(context, body,
        [
            CardParts.Button(context, UiTextKeys.ActionStart, CardVerbs.Start),
            CardParts.Button(context, UiTextKeys.ActionOtherLanguage, CardVerbs.Language, language: other),
        ]);
    }

    public static AdaptiveCard Paused(CardContext context, Notice? notice) => CardParts.Card(context,
        CardParts.Body(
            CardParts.Bilingual(context, context.Text[UiTextKeys.PausedTitle]),
            [CardParts.NoticeBlock(context, notice)],
            [CardParts.Paragraph(context.T(UiTextKeys.PausedBody))]),
        [
            CardParts.Button(context, UiTextKeys.ActionContinue, CardVerbs.Continue),
            CardParts.Button(context, UiTextKeys.ActionReview, CardVerbs.Review),
        ]);

    public static AdaptiveCard Submitted(CardContext context, Notice? notice) => CardParts.Card(context,
        CardParts.Body(
            CardParts.Bilingual(context, context.Text[UiTextKeys.SubmittedTitle]),
            [CardParts.NoticeBlock(context, notice)],
            [CardParts.Paragraph(context.T(UiTextKeys.SubmittedBody))]),
        [CardParts.Button(context, UiTextKeys.ActionReview, CardVerbs.Review)]);
}
