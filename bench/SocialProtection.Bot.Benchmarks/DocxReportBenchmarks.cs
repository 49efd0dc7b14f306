using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Reports.Docx;
using SocialProtection.Bot.Workshop.Summaries;

namespace SocialProtection.Bot.Benchmarks;

/// <summary>
/// The Word report of a whole workshop: 300 participants in 10 breakout groups, each answering all 11 questions
/// (3,300 answers, long texts of about 300 characters of Thai). "Report + Word" is what a download does (every group
/// summarised, the workshop once more for the ideas across groups, then the document with its charts); "Word only"
/// renders an already built report. Same short job as the summary benchmarks.
/// </summary>
[Config(typeof(ShortConfig))]
[MemoryDiagnoser]
public class DocxReportBenchmarks
{
    public const int Participants = 300;
    public const int Groups = 10;

    private readonly WorkshopReportBuilder _builder = new(new GroupSummaryBuilder());
    private readonly DocxReportRenderer _renderer = new();
    private WorkshopReportRequest _request = null!;
    private WorkshopReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = Request();
        _report = _builder.Build(_request);
        _renderer.Render(_report); // finds the Thai typeface and loads Skia once, as a running bot has
    }

    [Benchmark(Description = "Report + Word (300 x 11)")]
    public byte[] BuildAndRender() => _renderer.Render(_builder.Build(_request));

    [Benchmark(Description = "Word only (300 x 11)")]
    public byte[] Render() => _renderer.Render(_report);

    internal static WorkshopReportRequest Request()
    {
        var everyone = WorkshopAnswers.Participants(Participants * WorkshopAnswers.AnswersPerParticipant);
        var summary = WorkshopAnswers.Request(everyone);
        return new WorkshopReportRequest
        {
            WorkshopId = summary.WorkshopId,
            WorkshopTitle = summary.WorkshopTitle,
            WorkshopDate = summary.WorkshopDate,
            Visibility = summary.Visibility,
            AnonymityKey = summary.AnonymityKey,
            QuestionSet = summary.QuestionSet,
            Groups = [.. everyone
                .Select((p, i) => (p, Group: i % Groups))
                .GroupBy(x => x.Group)
                .Select(g => new ReportGroup("g" + (g.Key + 1), "กลุ่ม " + (g.Key + 1), [.. g.Select(x => x.p)]))],
            GeneratedAt = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero),
        };
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
