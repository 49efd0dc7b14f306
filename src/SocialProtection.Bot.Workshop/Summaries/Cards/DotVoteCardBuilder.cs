using System.Text.Json;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Summaries.Cards;

/// <summary>
/// The dot-vote card: the leverage points (the ideas, each with one answer behind it, then the answers no idea holds)
/// with a dot count and a "Give a dot" button each, in the ballot's order so
/// buttons never move. A long ballot is paged, each page a card under the byte budget; pages are fixed by the ballot
/// alone (measured with the widest counts), so a candidate stays on its page however the votes go. Answers longer than
/// <see cref="MaxCandidateCharacters"/> are shortened with an ellipsis here: the full text is in the summary cards.
/// </summary>
internal sealed class DotVoteCardBuilder
{
    public const int MaxCandidateCharacters = 400;

    private const int BarWidth = 10;
    private const int WidestCount = 99_999;

    private readonly SummaryCardOptions _options;
    private readonly TextCatalog _text;

    public DotVoteCardBuilder(SummaryCardOptions? options = null, TextCatalog? text = null)
    {
        _options = options ?? new SummaryCardOptions();
        _options.Validate();
        _text = text ?? SummaryText.Default;
    }

    /// <summary>Every page, as posted for everyone.</summary>
    public IReadOnlyList<AdaptiveCard> BuildAll(DotVoteBallot ballot, DotVoteTally tally, IReadOnlyList<string>? refreshUserIds = null)
    {
        var pages = Paginate(ballot);
        return Enumerable.Range(1, pages.Count).Select(page => Render(ballot, tally, pages, page, view: null, refreshUserIds)).ToList();
    }

    /// <summary>One page (1-based; clamped to the pages there are), optionally with the presser's own view.</summary>
    public AdaptiveCard Build(DotVoteBallot ballot, DotVoteTally tally, int page, DotVoteCardView? view = null, IReadOnlyList<string>? refreshUserIds = null)
    {
        var pages = Paginate(ballot);
        return Render(ballot, tally, pages, Math.Clamp(page, 1, pages.Count), view, refreshUserIds);
    }

    /// <summary>The page (1-based) that shows <paramref name="candidateId"/>, or 1 when no page does.</summary>
    public int PageOf(DotVoteBallot ballot, string candidateId)
    {
        var pages = Paginate(ballot);
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].Any(c => c.Id == candidateId))
            {
                return i + 1;
            }
        }
        return 1;
    }

    private List<List<DotVoteCandidate>> Paginate(DotVoteBallot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var widestVoter = new VoterDots { VoterId = "-", CandidateIds = [.. ballot.Candidates.Select(c => c.Id)] };
        var widestView = new DotVoteCardView(widestVoter, DotVoteOutcome.NoDotsLeft);
        var widestTally = new DotVoteTally(ballot.Candidates.Select(c => new CandidateTally(c, WidestCount)).ToList(), WidestCount, WidestCount);
        var baseBytes = CardPacker.Bytes(Card(ballot, widestTally, WidestCount, WidestCount, widestView, [], refreshUserIds: null));

        var pages = new List<List<DotVoteCandidate>> { new() };
        var used = baseBytes;
        foreach (var candidate in ballot.Candidates)
        {
            var bytes = CardPacker.Bytes(CandidateBlock(ballot, candidate, WidestCount, WidestCount, widestView));
            if (pages[^1].Count > 0 && used + bytes > _options.MaxCardBytes)
            {
                pages.Add([]);
                used = baseBytes;
            }
            pages[^1].Add(candidate);
            used += bytes;
        }
        return pages;
    }

    private AdaptiveCard Render(
        DotVoteBallot ballot, DotVoteTally tally, List<List<DotVoteCandidate>> pages, int page, DotVoteCardView? view, IReadOnlyList<string>? refreshUserIds) =>
        Card(ballot, tally, page, pages.Count, view, pages[page - 1], refreshUserIds);

    private AdaptiveCard Card(
        DotVoteBallot ballot,
        DotVoteTally tally,
        int page,
        int pages,
        DotVoteCardView? view,
        IReadOnlyList<DotVoteCandidate> candidates,
        IReadOnlyList<string>? refreshUserIds)
    {
        var title = _text.Localized(SummaryTextKeys.VoteTitle);
        var scope = ballot.GroupId is null
            ? _text.Both(SummaryTextKeys.TitleAll)
            : _text.Both(SummaryTextKeys.Title, CardText.Escape(ballot.GroupName ?? ballot.GroupId));
        var body = new List<AdaptiveElement>
        {
            new TextBlock(title.Th) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(title.En) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock(CardText.Escape(ballot.WorkshopTitle) + " · " + scope + (pages > 1 ? " · " + _text.Both(SummaryTextKeys.Part, page, pages) : ""))
            {
                Size = TextSize.Small,
                IsSubtle = true,
                Wrap = true,
                Spacing = Spacing.None,
            },
            new TextBlock(CardText.Escape(ballot.Question.Th)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium },
            new TextBlock(CardText.Escape(ballot.Question.En)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock(_text.Format(SummaryTextKeys.VoteInstructions, Language.Thai, ballot.DotsPerVoter)) { Wrap = true },
            new TextBlock(_text.Format(SummaryTextKeys.VoteInstructions, Language.English, ballot.DotsPerVoter)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock(_text.Both(SummaryTextKeys.VoteTotals, tally.VoterCount, tally.DotsCast)) { Weight = TextWeight.Bolder, Wrap = true },
        };
        if (view is not null)
        {
            body.Add(new TextBlock(_text.Both(SummaryTextKeys.VoteYourDots, view.Voter.DotsLeft(ballot), ballot.DotsPerVoter)) { Color = TextColor.Accent, Wrap = true });
            if (Notice(view.Outcome, ballot) is { } notice)
            {
                body.Add(notice);
            }
        }
        if (ballot.Candidates.Count == 0)
        {
            body.Add(new TextBlock(_text.Both(SummaryTextKeys.VoteNoCandidates)) { IsSubtle = true, Wrap = true });
        }
        foreach (var candidate in candidates)
        {
            body.Add(CandidateBlock(ballot, candidate, tally.DotsFor(candidate.Id), Math.Max(1, tally.DotsCast), view));
        }

        var refresh = RefreshAction(ballot, page);
        return new AdaptiveCard
        {
            Body = body,
            Actions = [refresh],
            Refresh = new CardRefresh(new ExecuteAction { Verb = SummaryCardVerbs.Vote, Data = Data(ballot, null, page) })
            {
                // Left out, Teams refreshes for everyone in chats of up to 60 members; a list names who does.
                UserIds = refreshUserIds is null ? null : refreshUserIds.Take(60).ToList(),
            },
            FallbackText = _text.Both(SummaryTextKeys.FallbackText),
            MsTeams = TeamsCardProperties.FullWidth,
        };
    }

    private TextBlock? Notice(DotVoteOutcome? outcome, DotVoteBallot ballot) => outcome switch
    {
        DotVoteOutcome.Added => new TextBlock(_text.Both(SummaryTextKeys.VoteAdded)) { Color = TextColor.Good, Wrap = true },
        DotVoteOutcome.Removed => new TextBlock(_text.Both(SummaryTextKeys.VoteRemoved)) { Color = TextColor.Good, Wrap = true },
        DotVoteOutcome.NoDotsLeft => new TextBlock(_text.Both(SummaryTextKeys.VoteNoDotsLeft, ballot.DotsPerVoter)) { Color = TextColor.Attention, Wrap = true },
        DotVoteOutcome.AlreadyCounted => new TextBlock(_text.Both(SummaryTextKeys.VoteAlreadyCounted)) { IsSubtle = true, Wrap = true },
        _ => null,
    };

    private Container CandidateBlock(DotVoteBallot ballot, DotVoteCandidate candidate, int dots, int totalDots, DotVoteCardView? view)
    {
        var mine = view?.Voter.CandidateIds.Contains(candidate.Id) == true;
        var caption = candidate.Source is DotVoteCandidateSource.Idea or DotVoteCandidateSource.Theme
            ? _text.Both(SummaryTextKeys.VoteTheme, candidate.ParticipantCount)
            : _text.Both(SummaryTextKeys.VoteProposedBy, candidate.ProposedBy is { } by ? Label(by) : "");
        if (mine)
        {
            caption += " · ✓ " + _text.Both(SummaryTextKeys.VoteYourChoice);
        }
        var text = candidate.Source == DotVoteCandidateSource.Answer
            ? CardText.Truncate(candidate.Text, MaxCandidateCharacters)
            : candidate.Text;
        var filled = Math.Min(BarWidth, (int)Math.Round((double)BarWidth * dots / totalDots, MidpointRounding.AwayFromZero));
        var bar = new string('●', filled) + new string('○', BarWidth - filled) + "  " + _text.Both(SummaryTextKeys.VoteDots, dots);
        var button = ExecuteAction.WithSubmitFallback(
            _text.Both(mine ? SummaryTextKeys.VoteTakeBack : SummaryTextKeys.VoteGive),
            SummaryCardVerbs.Vote,
            DataObject(ballot, candidate.Id, PageOfCandidateUnknown),
            AssociatedInputs.None);
        var items = new List<AdaptiveElement>
        {
            new TextBlock(caption) { Size = TextSize.Small, IsSubtle = true, Wrap = true },
            new RichTextBlock([new TextRun(CardText.Escape(text)) { Weight = mine ? TextWeight.Bolder : null }]) { Spacing = Spacing.None },
        };
        if (candidate.Quote is { } quote)
        {
            // An idea shows one answer behind it, so voters see what the label stands for.
            items.Add(new RichTextBlock(
            [
                new TextRun("“" + CardText.Escape(CardText.Truncate(quote, MaxCandidateCharacters)) + "”") { IsSubtle = true, Italic = true, Size = TextSize.Small },
            ])
            {
                Spacing = Spacing.None,
            });
        }
        items.Add(new ColumnSet(
        [
            new Column([new TextBlock(bar) { Color = TextColor.Accent, Wrap = true }]) { Width = "stretch", VerticalContentAlignment = VerticalAlignment.Center },
            new Column([new ActionSet([button])]) { Width = "auto" },
        ])
        {
            Spacing = Spacing.Small,
        });
        return new Container(items) { Separator = true };
    }

    // Vote buttons name their candidate, not a page: the handler finds the page, so a button stays right if pages shift.
    private const int PageOfCandidateUnknown = 0;

    private ExecuteAction RefreshAction(DotVoteBallot ballot, int page) =>
        ExecuteAction.WithSubmitFallback(
            _text.Both(SummaryTextKeys.VoteRefresh),
            SummaryCardVerbs.Vote,
            DataObject(ballot, null, page),
            AssociatedInputs.None);

    private static DotVoteRequest DataObject(DotVoteBallot ballot, string? candidateId, int page) => new()
    {
        WorkshopId = ballot.WorkshopId,
        GroupId = ballot.GroupId,
        CandidateId = candidateId,
        Page = page > 0 ? page : null,
    };

    private static JsonElement Data(DotVoteBallot ballot, string? candidateId, int page) =>
        CardDataJson.Write(DataObject(ballot, candidateId, page), SummaryCardVerbs.Vote);

    private string Label(Respondent respondent) =>
        respondent.Name is { } name ? CardText.Escape(name) : _text.Both(SummaryTextKeys.Respondent, respondent.Number);
}
