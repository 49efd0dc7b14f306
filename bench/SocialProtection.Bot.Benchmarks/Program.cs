using System.Globalization;
using BenchmarkDotNet.Running;
using SocialProtection.Bot.Benchmarks;

if (args is ["docx-peak"])
{
    DocxPeakMemory.Run();
    return;
}
if (args is ["--peak", var what, var answers])
{
    PeakMemory.Run(what, int.Parse(answers, CultureInfo.InvariantCulture));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(SummaryBenchmarks).Assembly).Run(args);
