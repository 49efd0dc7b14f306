using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Ideas;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Benchmarks;

/// <summary>
/// The text part of a group summary as GroupSummaryBuilder runs it: every answer read once into an <see cref="IdeaCorpus"/>,
/// then ideas per question and across the group. 132 answers are a 12-person breakout group answering all 11 questions.
/// (The themes this replaced were compared side by side up to commit 56a72e1; see bench/README.md.)
/// </summary>
[Config(typeof(ShortConfig))]
[MemoryDiagnoser]
public class IdeaBenchmarks
{
    private readonly SummaryOptions _options = new();
    private List<(Question Question, List<(string Key, string Text)> Answers)> _texts = null!;

    [Params(132, 1_000, 10_000, 100_000)]
    public int Answers { get; set; }

    [GlobalSetup]
    public void Setup() => _texts = WorkshopAnswers.LongTexts(WorkshopAnswers.Participants(Answers));

    [Benchmark(Description = "Ideas")]
    public int Ideas()
    {
        var corpus = new IdeaCorpus();
        var scopes = new List<(int[] Texts, IReadOnlySet<int> Echo)>();
        foreach (var (question, answers) in _texts)
        {
            var texts = answers.Select(a => corpus.Add(a.Key, a.Text)).ToArray();
            scopes.Add((texts, corpus.Echo([question.Text.Th, question.Text.En])));
        }
        corpus.Freeze();
        var count = 0;
        foreach (var (texts, echo) in scopes)
        {
            count += IdeaFinder.Find(corpus, texts, echo, _options.IdeaOptions(_options.IdeasPerQuestion), CancellationToken.None).Ideas.Count;
        }
        var all = scopes.SelectMany(s => s.Texts).ToArray();
        var echoes = scopes.SelectMany(s => s.Echo).ToHashSet();
        return count + IdeaFinder.Find(corpus, all, echoes, _options.IdeaOptions(_options.GroupIdeas), CancellationToken.None).Ideas.Count;
    }

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
