using System.Diagnostics;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Reports.Docx;
using SocialProtection.Bot.Workshop.Summaries;

namespace SocialProtection.Bot.Benchmarks;

/// <summary>
/// `-- docx-peak`: one cold download's work in a fresh process (build the report of 300 × 11 answers, render the Word
/// document), with wall time, the process's peak resident memory (VmHWM), bytes allocated and the file's size; what
/// BenchmarkDotNet's allocation count does not show.
/// </summary>
internal static class DocxPeakMemory
{
    public static void Run()
    {
        var request = DocxReportBenchmarks.Request();
        GC.Collect();
        var before = Peak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var report = new WorkshopReportBuilder(new GroupSummaryBuilder()).Build(request);
        var built = watch.Elapsed;
        var bytes = new DocxReportRenderer().Render(report);
        watch.Stop();
        Console.WriteLine($"answers: {report.Totals.Answers}, groups: {report.Groups.Count}, docx: {bytes.Length / 1024.0:F0} KiB");
        Console.WriteLine($"cold: report {built.TotalMilliseconds:F0} ms + Word {(watch.Elapsed - built).TotalMilliseconds:F0} ms = {watch.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"allocated: {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F0} MB; peak RSS {Peak() / 1024.0:F0} MB (before: {before / 1024.0:F0} MB, input data included)");
    }

    /// <summary>VmHWM in KiB (Linux), else the peak working set.</summary>
    private static long Peak()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line[6..].Trim().Split(' ')[0], out var kib))
            {
                return kib;
            }
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1024;
    }
}
