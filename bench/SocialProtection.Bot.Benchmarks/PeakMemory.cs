using System.Diagnostics;
using System.Globalization;
using SocialProtection.Bot.Workshop.Summaries;

namespace SocialProtection.Bot.Benchmarks;

/// <summary>
/// One call in a fresh process, for the peak memory BenchmarkDotNet does not report: <c>--peak summary|themes|ideas N</c>
/// builds the seeded answers (N answers), then runs the step once and prints its time, the process's resident memory
/// before it and its peak (VmHWM) after it.
/// </summary>
internal static class PeakMemory
{
    public static void Run(string what, int answers)
    {
        // Only the data the step reads, so the resident memory before it is that data and the runtime.
        var request = what == "summary" ? WorkshopAnswers.Request(WorkshopAnswers.Participants(answers)) : null;
        var ideas = new IdeaBenchmarks { Answers = answers };
        if (what != "summary")
        {
            ideas.Setup();
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;

        var clock = Stopwatch.StartNew();
        var result = what switch
        {
            "summary" => new GroupSummaryBuilder().Build(request!).Questions.Count,
            "themes" => ideas.Themes(),
            "ideas" => ideas.Ideas(),
            _ => throw new ArgumentException("--peak summary|themes|ideas N", nameof(what)),
        };
        clock.Stop();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what} {answers}: {clock.Elapsed.TotalSeconds:0.00} s, resident before {before / 1_000_000} MB, peak {process.PeakWorkingSet64 / 1_000_000} MB ({result})"));
    }
}
