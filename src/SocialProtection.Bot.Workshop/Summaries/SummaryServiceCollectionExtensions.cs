using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Summaries.Cards;

namespace SocialProtection.Bot.Workshop.Summaries;

public static class SummaryServiceCollectionExtensions
{
    /// <summary>
    /// Registers summaries, their cards, the dot vote (and its card route), with options from
    /// the "Summaries" and "Summaries:Cards" sections. Needs the object store (<c>AddObjectStore</c>).
    /// </summary>
    public static IServiceCollection AddWorkshopSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.SectionName));
        services.AddOptions<SummaryCardOptions>().Bind(configuration.GetSection(SummaryCardOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(p => new GroupSummaryBuilder(p.GetRequiredService<IOptions<SummaryOptions>>().Value));
        services.TryAddSingleton(p => new SummaryCardBuilder(p.GetRequiredService<IOptions<SummaryCardOptions>>().Value));
        services.TryAddSingleton(p => new DotVoteCardBuilder(p.GetRequiredService<IOptions<SummaryCardOptions>>().Value));
        services.TryAddSingleton<GroupSummaryStore>();
        services.TryAddSingleton<DotVoteStore>();
        services.TryAddSingleton<WorkshopStore>();
        services.TryAddSingleton<FacilitatorRoles>();
        services.TryAddSingleton<TeamFacilitators>();
        services.TryAddSingleton<BallotAccess>();
        services.TryAddSingleton<DotVoteActionHandler>();
        services.AddSingleton<IRouteModule, SummaryRouteModule>();
        return services;
    }
}
