namespace SocialProtection.Bot.Workshop.Tests.Architecture;

/// <summary>
/// The house rules of the workshop assembly (README, "Architecture"): the core uses no feature, and features never
/// use each other in a circle. A feature may use another only along an edge listed here, so a new one is a decision
/// someone wrote down, not an accident of a <c>using</c>.
/// </summary>
public sealed class ModuleRulesTests
{
    private static readonly string[] Features = ["Participants", "Summaries", "Reports", "Reminders", "Facilitation", "DataRights"];

    /// <summary>The feature-to-feature uses the design allows; anything else must go through an interface in the core.</summary>
    private static readonly HashSet<(string From, string To)> AllowedFeatureEdges =
    [
        ("Reports", "Summaries"),
        ("Facilitation", "Summaries"),
        ("Facilitation", "Reports"),
        ("Facilitation", "Reminders"),
        ("Facilitation", "Participants"),
        ("Reminders", "Participants"),
        ("DataRights", "Participants"),
        ("DataRights", "Summaries"),
        ("DataRights", "Reports"),
        ("DataRights", "Reminders"),
        ("DataRights", "Facilitation"),
    ];

    private static readonly Lazy<ModuleGraph> Workshop = new(() =>
        ModuleGraph.Read(typeof(SocialProtection.Bot.Workshop.Core.Language).Assembly.Location));

    [Fact]
    public void Every_namespace_of_the_workshop_assembly_is_the_core_a_feature_or_the_composition_root()
    {
        var modules = typeof(SocialProtection.Bot.Workshop.Core.Language).Assembly.GetTypes()
            .Select(t => ModuleGraph.ModuleOf(t.Namespace))
            .OfType<string>()
            .Distinct()
            .Order();
        Assert.All(modules, m => Assert.Contains(m, Features.Append(ModuleGraph.Core)));
    }

    [Fact]
    public void The_core_uses_no_feature()
    {
        var uses = Workshop.Value.Edges.TryGetValue(ModuleGraph.Core, out var targets) ? targets.Keys.ToList() : [];
        Assert.True(uses.Count == 0, "The core must not use a feature: " + string.Join(" | ", uses.Select(to => Workshop.Value.Explain(ModuleGraph.Core, to))));
    }

    [Fact]
    public void Feature_modules_form_no_cycle()
    {
        var cycles = Workshop.Value.Cycles();
        Assert.True(cycles.Count == 0, "Feature modules use each other in a circle: " + string.Join(" | ", cycles.Select(c => string.Join(" <-> ", c))));
    }

    [Fact]
    public void Features_use_each_other_only_along_the_allowed_edges()
    {
        var unexpected = Workshop.Value.Edges
            .SelectMany(e => e.Value.Keys.Select(to => (From: e.Key, To: to)))
            .Where(e => e.To != ModuleGraph.Core && !AllowedFeatureEdges.Contains(e))
            .Select(e => Workshop.Value.Explain(e.From, e.To))
            .ToList();
        Assert.True(unexpected.Count == 0, "Features use each other outside the allowed edges: " + string.Join(" | ", unexpected));
    }

    [Fact]
    public void The_allowed_edges_themselves_form_no_cycle()
    {
        var graph = new ModuleGraph();
        foreach (var (from, to) in AllowedFeatureEdges)
        {
            graph.Add(from, to, "allowed");
        }
        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void A_cycle_added_between_two_features_is_found_and_named()
    {
        // The check itself must fail when a cycle appears, e.g. Summaries starting to use Facilitation.
        var graph = new ModuleGraph();
        graph.Add("Facilitation", "Summaries", "SummaryPublisher -> GroupSummaryBuilder");
        graph.Add("Summaries", "Reports", "X -> Y");
        graph.Add("Reports", "Facilitation", "ReportCard -> WorkshopReports");
        graph.Add("Participants", "Core", "ok");

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["Facilitation", "Reports", "Summaries"], cycle);
    }
}
