using System.Collections.Immutable;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Participants.Dialogs;

namespace SocialProtection.Bot.Workshop.Tests.Cards;

/// <summary>Every card the participant dialog can send, rendered from records filled to the limits.</summary>
internal static class CardSamples
{
    public const string UserId = "29:1alice-teams-id";

    /// <summary>A Thai text of <paramref name="characters"/> perceived characters at three UTF-16 code units each (the most allowed).</summary>
    public static string WorstThai(int characters) => string.Concat(Enumerable.Repeat("ก้ำ", characters));

    /// <summary>The most text a field gives back after an error (see <see cref="QuestionLimits.MaxFieldCodeUnits"/>).</summary>
    public static string FieldFull(int maxLength) => WorstThai(QuestionLimits.MaxFieldCodeUnits(maxLength) / 3);

    /// <summary>A record with every question answered at its maximum size.</summary>
    public static ParticipantRecord FullRecord(QuestionSet set, ParticipantStatus status = ParticipantStatus.InProgress)
    {
        var answers = ImmutableSortedDictionary<string, Answer>.Empty;
        foreach (var question in set.Questions)
        {
            var answer = question.Kind.Name switch
            {
                "longText" => new Answer { Kind = question.Kind, Text = WorstThai(question.MaxLength) },
                "singleChoice" => new Answer { Kind = question.Kind, Choices = [question.Choices[^1].Value] },
                "multiChoice" => new Answer { Kind = question.Kind, Choices = [.. question.Choices.Select(c => c.Value)] },
                "rating" => new Answer { Kind = question.Kind, Rating = 5 },
                "date" => new Answer { Kind = question.Kind, Date = new DateOnly(2026, 12, 31) },
                _ => new Answer
                {
                    Kind = question.Kind,
                    Commitments = [.. Enumerable.Range(1, question.MaxItems).Select(i => new Commitment(
                        "c" + i, WorstThai(question.ActionMaxLength), WorstThai(question.OrganisationMaxLength), new DateOnly(2026, 12, 31)))],
                },
            };
            answers = answers.Add(question.Id, answer with { Revision = 7 });
        }
        return new ParticipantRecord
        {
            WorkshopId = "default",
            QuestionSetId = set.Id,
            QuestionSetVersion = set.Version,
            Status = status,
            Revision = 7,
            Answers = answers,
            Dialog = DialogStack.Of(LessonDialog.FrameAt(set.Count)),
        };
    }

    public static CardContext Context(ParticipantRecord record, QuestionSet set, Language language) =>
        new(record, set, language, UserId, UiText.Default);

    /// <summary>Every kind of card, with the longest prefilled text and a validation error where a card can have one.</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> All(QuestionSet set, Language language)
    {
        var record = FullRecord(set);
        var context = Context(record, set, language);
        var error = Notice.Problem(UiTextKeys.ErrorTooLong, "2000", "2001");
        IEnumerable<(string, ParticipantView)> views()
        {
            for (var i = 0; i < set.Count; i++)
            {
                var question = set.Questions[i];
                if (question.Kind == QuestionKind.Commitments)
                {
                    yield return ($"commitment list {question.Id}", new ParticipantView.CommitmentListCard(i) { Notice = error });
                    for (var step = 0; step < CommitmentFields.StepCount; step++)
                    {
                        var frame = DialogFrame.Start(DialogIds.Commitment, step)
                            .With(CommitmentFields.QuestionId, question.Id)
                            .With(CommitmentFields.Index, "0");
                        var prefill = step switch { 0 => FieldFull(question.ActionMaxLength), 1 => FieldFull(question.OrganisationMaxLength), _ => "31/12/2569x" };
                        yield return ($"commitment step {step}", new ParticipantView.CommitmentStepCard(frame, prefill) { Notice = error });
                    }
                }
                else
                {
                    var prefill = question.Kind == QuestionKind.LongText ? FieldFull(question.MaxLength) : question.Kind.FieldValue(record.Answers[question.Id]);
                    yield return ($"question {question.Id}", new ParticipantView.QuestionCard(i, prefill) { Notice = error });
                }
                yield return ($"answered {question.Id}", new ParticipantView.AnsweredCard(question.Id) { Notice = Notice.Info(UiTextKeys.NoticeStaleCard) });
            }
            yield return ("review", new ParticipantView.ReviewCards { Notice = Notice.Problem(UiTextKeys.ErrorMissingRequired, "1, 2, 3") });
            yield return ("paused", new ParticipantView.PausedCard());
            yield return ("submitted", new ParticipantView.SubmittedCard());
            yield return ("welcome", new ParticipantView.WelcomeCard());
        }
        foreach (var (name, view) in views())
        {
            var replies = ParticipantCardRenderer.Render(view, context);
            for (var part = 0; part < replies.Count; part++)
            {
                if (replies[part] is RenderedReply.CardReply card)
                {
                    yield return (replies.Count > 1 ? $"{name} part {part + 1}" : name, card.Card);
                }
            }
        }
    }
}
