using System.Diagnostics;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Ideas;
using SocialProtection.Bot.Workshop.Text;
namespace SocialProtection.Bot.Benchmarks;
internal static class Phases
{
    public static void Run(int n)
    {
        var texts = WorkshopAnswers.LongTexts(WorkshopAnswers.Participants(n));
        var options = new SummaryOptions();
        var sw = Stopwatch.StartNew();
        long segOnly = 0;
        foreach (var (q, answers) in texts) foreach (var a in answers) segOnly += ThaiWordSegmenter.Segment(a.Text).Count;
        Console.WriteLine($"segment only: {sw.Elapsed.TotalSeconds:0.00}");
        sw.Restart();
        var corpus = new IdeaCorpus();
        var scopes = new List<(int[] Texts, IReadOnlySet<int> Echo)>();
        foreach (var (question, answers) in texts)
        {
            var t = answers.Select(a => corpus.Add(a.Key, a.Text)).ToArray();
            scopes.Add((t, corpus.Echo([question.Text.Th, question.Text.En])));
        }
        corpus.Freeze();
        Console.WriteLine($"analyze: {sw.Elapsed.TotalSeconds:0.00}");
        foreach (var (t, echo) in scopes)
        {
            sw.Restart();
            IdeaFinder.Find(corpus, t, echo, options.IdeaOptions(10), CancellationToken.None);
            Console.WriteLine($"scope {t.Length}: {sw.Elapsed.TotalSeconds:0.00}");
        }
        sw.Restart();
        IdeaFinder.Find(corpus, scopes.SelectMany(s => s.Texts).ToArray(), scopes.SelectMany(s => s.Echo).ToHashSet(), options.IdeaOptions(15), CancellationToken.None);
        Console.WriteLine($"group: {sw.Elapsed.TotalSeconds:0.00}");
    }
}
