using System.Security.Cryptography;
using System.Text;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Ideas;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>
/// Builds a <see cref="GroupSummary"/> from a question set and the participants' records. Pure and deterministic:
/// participants are numbered by a keyed hash (anonymous) or by name then that hash (named), never by input order,
/// so shuffled input gives the identical summary. Each question's kind summarises the answers it counts (<see cref="QuestionKind.Counts"/>:
/// not of another kind, a rating in range, a text not blank; others are left out rather than shown wrong). Each answer
/// summarised as text is read for ideas once (<see cref="IdeaCorpus"/>), for its question's ideas and the group's.
/// </summary>
internal sealed class GroupSummaryBuilder(SummaryOptions? options = null)
{
    private const string CandidatePurpose = "candidate";
    private const int CandidateIdHexLength = 16;

    private readonly SummaryOptions _options = Validated(options ?? new SummaryOptions());

    public GroupSummary Build(GroupSummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.WorkshopId);
        ArgumentNullException.ThrowIfNull(request.QuestionSet);
        ArgumentNullException.ThrowIfNull(request.Participants);
        ArgumentNullException.ThrowIfNull(request.AnonymityKey);

        var people = Order(request);
        var questions = new List<QuestionSummary>(request.QuestionSet.Count);
        var respondents = new HashSet<int>();
        var answerCount = 0;
        DateTimeOffset? latest = null;

        // Every answer summarised as text is read once, for its question's ideas and for the group's.
        var answeredByQuestion = new List<List<(Person Person, Answer Answer)>>(request.QuestionSet.Count);
        var corpus = new IdeaCorpus();
        var textsByQuestion = new List<int[]>(request.QuestionSet.Count);
        var echoByQuestion = new List<IReadOnlySet<int>>(request.QuestionSet.Count);
        foreach (var question in request.QuestionSet.Questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answered = new List<(Person Person, Answer Answer)>();
            foreach (var person in people)
            {
                if (person.Record.Answers.TryGetValue(question.Id, out var answer) && question.Kind.Counts(answer))
                {
                    answered.Add((person, answer));
                    respondents.Add(person.Respondent.Number);
                    latest = latest is { } l && l >= answer.AnsweredAt ? l : answer.AnsweredAt;
                }
            }
            answerCount += answered.Count;
            answeredByQuestion.Add(answered);
            questions.Add(question.Kind.Summarize(question, [.. answered.Select(a => (a.Person.Respondent, a.Answer))]));
            var text = questions[^1] as TextQuestionSummary;
            textsByQuestion.Add(text is null ? [] : [.. text.Answers.Select((a, i) => corpus.Add(answered[i].Person.Rank, a.Text))]);
            echoByQuestion.Add(text is null ? new HashSet<int>() : corpus.Echo([question.Text.Th, question.Text.En]));
        }
        corpus.Freeze();

        var groupTexts = new List<int>();
        var groupSources = new List<(Respondent Respondent, string QuestionId)>();
        var groupEcho = new HashSet<int>();
        TextQuestionSummary? leverage = null;
        IdeaSet? leverageIdeas = null;
        List<(Person Person, Answer Answer)>? leverageAnswers = null;
        for (var q = 0; q < request.QuestionSet.Questions.Count; q++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (questions[q] is not TextQuestionSummary summary)
            {
                continue;
            }
            var answered = answeredByQuestion[q];
            var ideas = IdeaFinder.Find(corpus, textsByQuestion[q], echoByQuestion[q], _options.IdeaOptions(_options.IdeasPerQuestion), cancellationToken);
            var text = summary with
            {
                Ideas = Summaries(ideas, i => (answered[i].Person.Respondent, summary.QuestionId)),
                NoSubstantiveAnswerCount = ideas.NoSubstantiveInputs.Count,
            };
            questions[q] = text;
            groupTexts.AddRange(textsByQuestion[q]);
            groupSources.AddRange(answered.Select(a => (a.Person.Respondent, text.QuestionId)));
            groupEcho.UnionWith(echoByQuestion[q]);
            if (text.QuestionId == request.Roles.LeveragePoints)
            {
                (leverage, leverageIdeas, leverageAnswers) = (text, ideas, answered);
            }
        }

        var groupIdeas = IdeaFinder.Find(corpus, groupTexts, groupEcho, _options.IdeaOptions(_options.GroupIdeas), cancellationToken);
        return new GroupSummary
        {
            WorkshopId = request.WorkshopId,
            WorkshopTitle = request.WorkshopTitle,
            WorkshopDate = request.WorkshopDate,
            GroupId = request.GroupId,
            GroupName = request.GroupName,
            Visibility = request.Visibility,
            QuestionSetId = request.QuestionSet.Id,
            QuestionSetVersion = request.QuestionSet.Version,
            ParticipantCount = people.Count,
            RespondentCount = respondents.Count,
            SubmittedCount = people.Count(p => p.Record.Status == ParticipantStatus.Submitted),
            AnswerCount = answerCount,
            LatestAnswerAt = latest,
            Questions = questions,
            Ideas = Summaries(groupIdeas, i => groupSources[i]),
            NoSubstantiveAnswerCount = groupIdeas.NoSubstantiveInputs.Count,
            LeverageQuestionId = leverage?.QuestionId,
            VoteCandidates = leverage is null ? [] : Candidates(leverage, leverageIdeas!, leverageAnswers!, request.AnonymityKey),
        };
    }

    private static SummaryOptions Validated(SummaryOptions options)
    {
        options.Validate();
        return options;
    }

    private sealed record Person(string Id, string Rank, Respondent Respondent, ParticipantRecord Record);

    private static List<Person> Order(GroupSummaryRequest request)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var participant in request.Participants)
        {
            ArgumentNullException.ThrowIfNull(participant, nameof(request.Participants));
            ArgumentException.ThrowIfNullOrEmpty(participant.ParticipantId, nameof(request.Participants));
            ArgumentNullException.ThrowIfNull(participant.Record, nameof(request.Participants));
            if (!seen.Add(participant.ParticipantId))
            {
                throw new ArgumentException("A participant appears twice in the group.", nameof(request));
            }
        }

        // One numbering rule for the summary, the report and the follow-up view (RespondentNumbering).
        var named = request.Visibility == AnswerVisibility.Named;
        return RespondentNumbering.Number(request.Participants, p => p.ParticipantId, p => p.DisplayName, request.Visibility, request.AnonymityKey)
            .Select(r => new Person(
                r.Item.ParticipantId,
                r.Rank,
                new Respondent(r.Number, named && !string.IsNullOrWhiteSpace(r.Item.DisplayName) ? r.Item.DisplayName : null),
                r.Item.Record))
            .ToList();
    }

    /// <summary>The ideas as the summary keeps them: each answer behind an idea in respondent order (then question order).</summary>
    private static List<IdeaSummary> Summaries(IdeaSet ideas, Func<int, (Respondent Respondent, string QuestionId)> source)
    {
        IdeaAnswer Answer(IdeaExcerpt excerpt)
        {
            var (respondent, questionId) = source(excerpt.Input);
            return new IdeaAnswer(respondent, questionId, excerpt.Text);
        }

        return ideas.Ideas
            .Select(idea => new IdeaSummary(
                idea.Label,
                idea.ParticipantCount,
                idea.Quotes.Select(Answer).ToList(),
                idea.Answers.OrderBy(a => source(a.Input).Respondent.Number).ThenBy(a => a.Input).Select(Answer).ToList()))
            .ToList();
    }

    /// <summary>
    /// The leverage point question's ideas (label and one representative answer: everyone who said the same thing on
    /// one item), then each answer that makes a point no idea on the ballot holds. Answers that said nothing are not
    /// candidates.
    /// </summary>
    private List<DotVoteCandidate> Candidates(
        TextQuestionSummary leverage, IdeaSet ideas, List<(Person Person, Answer Answer)> answered, AnonymityKey key)
    {
        var candidates = new List<DotVoteCandidate>();
        var onBallot = Math.Min(_options.IdeaVoteCandidates, leverage.Ideas.Count);
        foreach (var idea in leverage.Ideas.Take(onBallot))
        {
            var id = "i" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idea.Label)))[..CandidateIdHexLength];
            candidates.Add(new DotVoteCandidate(id, DotVoteCandidateSource.Idea, idea.Label, idea.ParticipantCount, null, idea.Quotes.Count > 0 ? idea.Quotes[0].Text : null));
        }

        var silent = ideas.NoSubstantiveInputs.ToHashSet();
        for (var input = 0; input < answered.Count; input++)
        {
            if (silent.Contains(input) || !ideas.HasOwnPoint(input, onBallot))
            {
                continue;
            }
            // Tied to the author and the text, so an edited answer is a new candidate, not one that inherits votes.
            var (person, answer) = answered[input];
            var id = "a" + key.Hash(CandidatePurpose, person.Id + "\n" + answer.Text)[..CandidateIdHexLength];
            candidates.Add(new DotVoteCandidate(id, DotVoteCandidateSource.Answer, answer.Text!, 1, person.Respondent));
        }
        return candidates;
    }
}
