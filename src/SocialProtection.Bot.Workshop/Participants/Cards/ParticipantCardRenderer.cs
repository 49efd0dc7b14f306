using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Cards;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>Turns the conversation's <see cref="ParticipantView"/>s into cards and messages. The one place participant cards are built.</summary>
internal static class ParticipantCardRenderer
{
    /// <summary>The messages <paramref name="view"/> becomes (several cards for a long review).</summary>
    public static IReadOnlyList<RenderedReply> Render(ParticipantView view, CardContext context) => view switch
    {
        ParticipantView.TextMessage text => [new RenderedReply.TextReply(context.Text.Format(text.Notice!, context.Language))],
        ParticipantView.IntroMessage => [new RenderedReply.TextReply(Intro(context))],
        ParticipantView.ReviewCards review => [.. ReviewCards.Build(context, review.Notice).Select(c => new RenderedReply.CardReply(c))],
        _ => [new RenderedReply.CardReply(Card(view, context))],
    };

    /// <summary>
    /// What the pressed card becomes: one card, or a short text (a toast for Action.Execute). A long review replaces
    /// the pressed card with its last part, which holds the Submit button.
    /// </summary>
    public static RenderedReply RenderPressed(ParticipantView view, CardContext context) => Render(view, context)[^1];

    private static Protocol.Cards.AdaptiveCard Card(ParticipantView view, CardContext context) => view switch
    {
        ParticipantView.QuestionCard question => QuestionCards.Open(context, question.Index, question.Prefill, view.Notice),
        ParticipantView.AnsweredCard answered => QuestionCards.Answered(context, answered.QuestionId, view.Notice),
        ParticipantView.CommitmentListCard list => CommitmentCards.List(context, list.Index, list.Form, view.Notice),
        ParticipantView.CommitmentStepCard step => CommitmentCards.Step(context, step.Frame, step.Prefill, step.Form, view.Notice),
        ParticipantView.PausedCard => StatusCards.Paused(context, view.Notice),
        ParticipantView.SubmittedCard => StatusCards.Submitted(context, view.Notice),
        ParticipantView.WelcomeCard => StatusCards.Welcome(context, view.Notice),
        _ => throw new ArgumentException($"No card for {view.GetType().Name}.", nameof(view)),
    };

    private static string Intro(CardContext context)
    {
        var set = context.Set;
        var lines = new List<string> { "**" + CardParts.Escaped(set.Title).In(context.Language) + "**" };
        if (set.Introduction is { } introduction)
        {
            lines.Add(CardParts.Escaped(introduction).In(context.Language));
        }
        lines.Add(context.T(UiTextKeys.Intro));
        return string.Join("\n\n", lines);
    }
}
