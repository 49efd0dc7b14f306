using BenchmarkDotNet.Running;

if (args is ["docx-peak"])
{
    SocialProtection.Bot.Benchmarks.DocxPeakMemory.Run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(SocialProtection.Bot.Benchmarks.SummaryBenchmarks).Assembly).Run(args);
