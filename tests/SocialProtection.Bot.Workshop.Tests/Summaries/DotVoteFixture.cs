using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using static SocialProtection.Bot.Workshop.Tests.Summaries.SummaryTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

/// <summary>A dot vote on the local-disk store in a temporary folder, with a posted ballot for a group.</summary>
internal sealed class DotVoteFixture : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dotvote-" + Guid.NewGuid().ToString("N"));

    public DotVoteFixture(int participants = 10, int dotsPerVoter = 3)
    {
        Store = new FileObjectStore(_folder);
        Json = new JsonObjectStore(Store, new JsonObjectStoreOptions { MaxUpdateAttempts = 50 });
        Votes = new DotVoteStore(Store, Json, TimeProvider.System);
        Participants = Group(participants);
        Summary = new GroupSummaryBuilder().Build(Request(Participants));
        Ballot = DotVoteBallot.For(Summary, Participants.Select(p => p.ParticipantId), dotsPerVoter);
    }

    public FileObjectStore Store { get; }
    public JsonObjectStore Json { get; }
    public DotVoteStore Votes { get; }
    public List<SummaryParticipant> Participants { get; }
    public GroupSummary Summary { get; }
    public DotVoteBallot Ballot { get; }

    public Task SaveBallotAsync() => Votes.SaveBallotAsync(Ballot, CancellationToken.None);

    public string Candidate(int index) => Ballot.Candidates[index].Id;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
