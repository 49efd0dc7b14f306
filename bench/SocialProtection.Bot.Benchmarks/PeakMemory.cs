using System.Diagnostics;
using System.Globalization;
using SocialProtection.Bot.Workshop.Summaries;

namespace SocialProtection.Bot.Benchmarks;

/// <summary>
/// One call in a fresh process, for the peak memory BenchmarkDotNet does not report: <c>--peak summary|ideas N</c>
/// builds the seeded answers (N answers), then runs the step once and prints its time, the process's resident memory
/// before it and its peak (VmHWM) after it; for N up to 1,000 also the best of five more (warm) calls.
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

        int Step() => what switch
        {
            "summary" => new GroupSummaryBuilder().Build(request!).Questions.Count,
            "ideas" => ideas.Ideas(),
            _ => throw new ArgumentException("--peak summary|ideas N", nameof(what)),
        };
        var clock = Stopwatch.StartNew();
        var result = Step();
        clock.Stop();
        process.Refresh();
        var peak = process.PeakWorkingSet64;

        // Small inputs: the first call pays for loading ICU's dictionary and compiling; the warm time is what a facilitator waits.
        var warm = TimeSpan.MaxValue;
        for (var i = 0; answers <= 1_000 && i < 5; i++)
        {
            var again = Stopwatch.StartNew();
            Step();
            warm = again.Elapsed < warm ? again.Elapsed : warm;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what} {answers}: {clock.Elapsed.TotalSeconds:0.00} s{(warm == TimeSpan.MaxValue ? "" : $" (warm {warm.TotalMilliseconds:0} ms)")}, resident before {before / 1_000_000} MB, peak {peak / 1_000_000} MB ({result})"));
    }
}
