using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SocialProtection.Bot.Benchmarks.SummaryBenchmarks).Assembly).Run(args);
