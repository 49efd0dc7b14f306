using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>
/// Builds the <see cref="WorkshopReport"/> from the groups' answers: each group is summarised with
/// <see cref="GroupSummaryBuilder"/> (so the report says exactly what the posted summaries said) and the whole
/// workshop once more for the ideas across groups. Which questions feed observations and recommendations comes from
/// <see cref="SummaryQuestionRoles"/>. Pure and deterministic.
/// </summary>
internal sealed class WorkshopReportBuilder(GroupSummaryBuilder summaries)
{
    public WorkshopReport Build(WorkshopReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Groups);
        if (request.Groups.Select(g => g.GroupId).Distinct(StringComparer.Ordinal).Count() != request.Groups.Count)
        {
            throw new ArgumentException("Two groups have the same id.", nameof(request));
        }

        var groups = request.Groups
            .OrderBy(g => g.GroupName ?? g.GroupId, StringComparer.Ordinal)
            .ThenBy(g => g.GroupId, StringComparer.Ordinal)
            .Select(g => summaries.Build(Request(request, g.GroupId, g.GroupName, g.Participants), cancellationToken))
            .ToList();
        var all = summaries.Build(
            Request(request, null, null, request.Groups.SelectMany(g => g.Participants).ToList()),
            cancellationToken);

        var overview = groups
            .Select(g => new GroupOverview(g.GroupId!, g.GroupName, g.ParticipantCount, g.RespondentCount, g.SubmittedCount, g.AnswerCount))
            .ToList();
        return new WorkshopReport
        {
            WorkshopId = request.WorkshopId,
            WorkshopTitle = request.WorkshopTitle,
            WorkshopDate = request.WorkshopDate,
            GeneratedAt = request.GeneratedAt,
            Visibility = request.Visibility,
            Overview = overview,
            Totals = new GroupOverview(
                "",
                null,
                overview.Sum(o => o.Participants),
                overview.Sum(o => o.Respondents),
                overview.Sum(o => o.Submitted),
                overview.Sum(o => o.Answers)),
            Ideas = all.Ideas,
            Observations = Topics(request.Roles.Observations, all, groups),
            StrategyRecommendations = Topics(request.Roles.Strategy, all, groups),
            MechanismRecommendations = Topics(request.Roles.Mechanisms, all, groups),
            LeveragePoints = groups.Select(g => Leverage(g, request.Votes.GetValueOrDefault(g.GroupId!))).ToList(),
            Commitments = groups
                .SelectMany(g => g.Questions.OfType<CommitmentsQuestionSummary>()
                    .SelectMany(q => q.Commitments)
                    .Select(c => new ReportCommitment(g.GroupId!, g.GroupName, c.Action, c.Organisation, c.Owner, c.DueDate)))
                .OrderBy(c => c.DueDate)
                .ToList(),
            Groups = groups,
        };
    }

    private static GroupSummaryRequest Request(WorkshopReportRequest request, string? groupId, string? groupName, IReadOnlyList<SummaryParticipant> participants) => new()
    {
        WorkshopId = request.WorkshopId,
        WorkshopTitle = request.WorkshopTitle,
        WorkshopDate = request.WorkshopDate,
        GroupId = groupId,
        GroupName = groupName,
        Visibility = request.Visibility,
        AnonymityKey = request.AnonymityKey,
        QuestionSet = request.QuestionSet,
        Participants = participants,
        Roles = request.Roles,
    };

    private static List<ReportTopic> Topics(IReadOnlyList<string> questionIds, GroupSummary all, List<GroupSummary> groups)
    {
        var topics = new List<ReportTopic>();
        foreach (var questionId in questionIds.Distinct(StringComparer.Ordinal))
        {
            if (all.Questions.FirstOrDefault(q => q.QuestionId == questionId) is not TextQuestionSummary across)
            {
                continue; // the set has no such long-text question
            }
            var perGroup = groups
                .Select(g => (Group: g, Question: g.Questions.OfType<TextQuestionSummary>().First(q => q.QuestionId == questionId)))
                .Select(x => new GroupAnswers(x.Group.GroupId!, x.Group.GroupName, x.Question.Ideas, x.Question.Answers, x.Question.NoSubstantiveAnswerCount))
                .ToList();
            topics.Add(new ReportTopic(questionId, across.Text, across.Ideas, perGroup));
        }
        return topics;
    }

    private static GroupLeveragePoints Leverage(GroupSummary group, DotVoteTally? tally)
    {
        var points = group.VoteCandidates
            .Select((c, index) => (Point: new LeveragePoint(c.Id, c.Source, c.Text, c.ParticipantCount, c.ProposedBy, tally?.DotsFor(c.Id), c.Quote), Index: index))
            .OrderByDescending(p => p.Point.Dots ?? 0)
            .ThenBy(p => p.Index)
            .Select(p => p.Point)
            .ToList();
        return new GroupLeveragePoints(group.GroupId!, group.GroupName, tally is not null, tally?.VoterCount ?? 0, points);
    }
}
