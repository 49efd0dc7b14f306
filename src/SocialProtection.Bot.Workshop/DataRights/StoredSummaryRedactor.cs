using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Ideas;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Takes an erased participant's answers out of what was stored from summaries. A stored summary is a whole built
/// from everyone's answers (counts, distributions, ideas), and which respondent number is whose cannot be read back
/// from it, so it is not patched: every stored summary of the workshop is withdrawn, and the next summary a
/// facilitator posts is built from the answers that remain. Dot-vote ballots are kept (votes of others still count),
/// minus the candidates that were the erased person's own answers; an idea (everyone's) stays, but loses its quote when
/// the quote came from the erased person's answer. Messages already posted in Teams are not changed.
/// Participants who never answered were in no summary, so erasing them withdraws nothing.
/// </summary>
internal sealed partial class StoredSummaryRedactor(IObjectStore store, JsonObjectStore json, ILogger<StoredSummaryRedactor> logger)
{
    private const string SummaryFileName = "/summary.json";
    private const string BallotFileName = "/ballot.json";

    /// <summary>Withdraws the workshop's stored summaries and the person's answers from its ballots; returns how many objects changed.</summary>
    public async Task<int> RemoveParticipantAsync(string workshopId, ParticipantRecord erased, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        ArgumentNullException.ThrowIfNull(erased);
        if (!erased.Answers.Values.Any(a => a.HasValue))
        {
            return 0;
        }
        // Any answer held as text (long text, or a kind of that sort) may stand verbatim in a summary.
        var ownTexts = erased.Answers.Values
            .Where(a => a.HasValue && !string.IsNullOrWhiteSpace(a.Text))
            .Select(a => a.Text!)
            .ToImmutableHashSet(StringComparer.Ordinal);

        var summaries = new List<string>();
        var ballots = new List<string>();
        await foreach (var info in store.ListAsync(SummariesPrefix(workshopId), cancellationToken))
        {
            if (info.Key.Contains("/votes/", StringComparison.Ordinal))
            {
                continue;
            }
            if (info.Key.EndsWith(SummaryFileName, StringComparison.Ordinal))
            {
                summaries.Add(info.Key);
            }
            else if (info.Key.EndsWith(BallotFileName, StringComparison.Ordinal))
            {
                ballots.Add(info.Key);
            }
        }

        var withdrawn = 0;
        foreach (var key in summaries)
        {
            withdrawn += await store.DeleteAsync(key, ifMatch: null, cancellationToken) ? 1 : 0;
        }
        var updated = 0;
        foreach (var key in ballots)
        {
            try
            {
                var result = await json.UpdateAsync<DotVoteBallot>(
                    key,
                    current => current is not null && current.Candidates.Any(c => IsOwn(c, ownTexts) || QuotesOwn(c, ownTexts))
                        ? UpdateDecision.Write(current with
                        {
                            Candidates = current.Candidates
                                .Where(c => !IsOwn(c, ownTexts))
                                .Select(c => QuotesOwn(c, ownTexts) ? c with { Quote = null } : c)
                                .ToList(),
                        })
                        : UpdateDecision.NoChange<DotVoteBallot>(),
                    cancellationToken);
                updated += result.Changed ? 1 : 0;
            }
            catch (StoredDataCorruptException)
            {
                // Never overwritten; withdrawn instead, since it may hold the erased person's words.
                updated += await store.DeleteAsync(key, ifMatch: null, cancellationToken) ? 1 : 0;
            }
        }
        if (withdrawn + updated > 0)
        {
            LogWithdrawn(logger, workshopId, withdrawn, updated);
        }
        return withdrawn + updated;
    }

    /// <summary><c>workshops/{w}/summaries/</c>, from the summaries' own key builder.</summary>
    public static string SummariesPrefix(string workshopId)
    {
        var key = SummaryKeys.Summary(workshopId, null);
        return key[..(key.IndexOf("/summaries/", StringComparison.Ordinal) + "/summaries/".Length)];
    }

    // An answer candidate carries the answer exactly as written; an idea (or a theme) is everyone's and stays.
    private static bool IsOwn(DotVoteCandidate candidate, ImmutableHashSet<string> ownTexts) =>
        candidate.Source == DotVoteCandidateSource.Answer && ownTexts.Contains(candidate.Text);

    // An idea's quote is a piece of one person's answer.
    private static bool QuotesOwn(DotVoteCandidate candidate, ImmutableHashSet<string> ownTexts) =>
        candidate.Quote is { } quote && ownTexts.Any(text => IdeaExcerpts.IsFrom(quote, text));

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: withdrew {Summaries} stored summaries and updated {Ballots} ballots after an erasure")]
    private static partial void LogWithdrawn(ILogger logger, string workshopId, int summaries, int ballots);
}
