using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Questions.Kinds;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Participants.Dialogs;
using SocialProtection.Bot.Workshop.Core.Cards;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>
/// Every answer with an Edit button, then the final Submit. Long answers would make one card too big for Teams, so
/// the answers are packed into as many cards as needed, each measured against <see cref="CardBudget"/>.
/// </summary>
internal static class ReviewCards
{
    public static IReadOnlyList<AdaptiveCard> Build(CardContext context, Notice? notice)
    {
        var blocks = new List<List<AdaptiveElement>>();
        for (var i = 0; i < context.Set.Count; i++)
        {
            blocks.AddRange(Blocks(context, context.Set.Questions[i], i));
        }
        var closing = Closing(context, notice);
        var actions = Actions(context);

        // Greedy packing: a block goes into the current card unless it would push the card over budget.
        var pages = new List<List<AdaptiveElement>>();
        var page = new List<AdaptiveElement>();
        foreach (var block in blocks)
        {
            if (page.Count > 0 && !CardBudget.Fits(Page(context, [.. page, .. block, .. closing], actions, 1, 2)))
            {
                pages.Add(page);
                page = [];
            }
            page.AddRange(block);
        }
        pages.Add(page);
        return [.. pages.Select((p, i) => i == pages.Count - 1
            ? Page(context, [.. p, .. closing], actions, i + 1, pages.Count)
            : Page(context, p, null, i + 1, pages.Count))];
    }

    private static AdaptiveCard Page(CardContext context, List<AdaptiveElement> elements, IReadOnlyList<AdaptiveAction>? actions, int part, int parts)
    {
        var title = context.T(UiTextKeys.ReviewTitle) + (parts > 1 ? " · " + context.T(UiTextKeys.ReviewPart, CardParts.Number(part), CardParts.Number(parts)) : "");
        return CardParts.Card(context, [CardParts.Heading(title), .. elements], actions);
    }

    /// <summary>A question's unbreakable pieces: its heading and answer, or for commitments one piece per commitment.</summary>
    private static IEnumerable<List<AdaptiveElement>> Blocks(CardContext context, Question question, int index)
    {
        var answer = context.Record.Answers.GetValueOrDefault(question.Id);
        var heading = new TextBlock(CardParts.Number(index + 1) + ". " + CardParts.Escaped(question.Text).In(context.Language))
        {
            Weight = TextWeight.Bolder,
            Wrap = true,
            Separator = true,
            Spacing = Spacing.Medium,
        };
        var edit = new ActionSet([CardParts.Button(context, UiTextKeys.ActionEdit, CardVerbs.Edit, question.Id)]);
        if (answer?.Commitments is { Count: > 0 } commitments)
        {
            yield return [heading];
            for (var i = 0; i < commitments.Count; i++)
            {
                yield return i == commitments.Count - 1
                    ? [CommitmentsKind.Item(context.Language, commitments[i], i, previewLength: null), edit]
                    : [CommitmentsKind.Item(context.Language, commitments[i], i, previewLength: null)];
            }
            yield break;
        }
        yield return [heading, .. QuestionCards.AnswerElements(context, question, answer), edit];
    }

    private static List<AdaptiveElement> Closing(CardContext context, Notice? notice)
    {
        var missing = ParticipantProgress.MissingRequired(context.Record, context.Set);
        var closing = new List<AdaptiveElement>();
        if (CardParts.NoticeBlock(context, notice) is { } block)
        {
            closing.Add(block);
        }
        closing.Add(missing.Count > 0
            ? new TextBlock(context.T(UiTextKeys.ReviewMissing, string.Join(", ", missing))) { Wrap = true, Color = TextColor.Attention, Separator = true }
            : new TextBlock(context.T(UiTextKeys.ReviewReady)) { Wrap = true, Color = TextColor.Good, Separator = true });
        return closing;
    }

    private static List<AdaptiveAction> Actions(CardContext context)
    {
        var actions = new List<AdaptiveAction>();
        if (ParticipantProgress.MissingRequired(context.Record, context.Set).Count == 0)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionSubmit, CardVerbs.Submit));
        }
        if (context.Record.Status == ParticipantStatus.InProgress
            && context.Record.Dialog.Top is { DialogId: DialogIds.Lesson } top && top.Step >= context.Set.Count)
        {
            actions.Add(CardParts.Button(context, UiTextKeys.ActionBack, CardVerbs.Back));
        }
        return actions;
    }
}
