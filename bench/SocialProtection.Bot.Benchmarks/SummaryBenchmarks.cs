using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;

namespace SocialProtection.Bot.Benchmarks;

/// <summary>
/// Building a group summary (counts, distributions, ideas found in the Thai answers, vote candidates) and its
/// cards, for 1k, 10k and 100k answers. A short job: one launch, one warm-up, three measured runs of one call each,
/// enough to see the scale on a shared 2-core machine without an hour-long run.
/// </summary>
[Config(typeof(ShortConfig))]
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    private GroupSummaryRequest _request = null!;
    private GroupSummary _summary = null!;
    private readonly GroupSummaryBuilder _builder = new();
    private readonly SummaryCardBuilder _cards = new();

    [Params(1_000, 10_000, 100_000)]
    public int Answers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _request = WorkshopAnswers.Request(WorkshopAnswers.Participants(Answers));
        _summary = _builder.Build(_request);
    }

    [Benchmark(Description = "Summary build")]
    public object BuildSummary() => _builder.Build(_request);

    [Benchmark(Description = "Summary cards")]
    public IReadOnlyList<AdaptiveCard> BuildCards() => _cards.Build(_summary);

    private sealed class ShortConfig : ManualConfig
    {
        public ShortConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithId("Short"));
        }
    }
}
