using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

public static class FacilitationServiceCollectionExtensions
{
    /// <summary>
    /// The facilitator side: workshops set up in channels, roles, joining from the kickoff card (and the resolver that
    /// points personal chats at the joined workshop), live progress, summary posting in the background, the report,
    /// the team hello, and "Need help" into the workshop's channel. Options from "Workshop" (Facilitators,
    /// QuestionSets, MaxGroups, DotsPerVoter) and "Reminders:RateLimits". Also registers the summaries
    /// (<see cref="SummaryServiceCollectionExtensions.AddWorkshopSummaries"/>) unless that was done. Needs the object
    /// store and the protocol services (IProactiveMessenger, IConnectorClient).
    /// </summary>
    public static IServiceCollection AddWorkshopFacilitation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FacilitationOptions>()
            .Bind(configuration.GetSection(FacilitationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TeamsRateLimitOptions>().Bind(configuration.GetSection(TeamsRateLimitOptions.SectionName));
        if (!services.Any(d => d.ServiceType == typeof(IRouteModule) && d.ImplementationType == typeof(SummaryRouteModule)))
        {
            services.AddWorkshopSummaries(configuration);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new TeamsSendPacer(
            provider.GetRequiredService<IOptions<TeamsRateLimitOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<WorkshopStore>();
        services.TryAddSingleton<ActiveWorkshopStore>();
        services.TryAddSingleton<FacilitatorRoles>();
        services.TryAddSingleton<QuestionSetCatalog>();
        services.TryAddSingleton<WorkshopParticipants>();
        services.Replace(ServiceDescriptor.Singleton<IParticipantWorkshopResolver, JoinedWorkshopResolver>());
        services.TryAddSingleton<ChannelPoster>();
        services.TryAddSingleton<WorkshopSetup>();
        services.TryAddSingleton<WorkshopJoin>();
        services.TryAddSingleton<ProgressBoard>();
        services.TryAddSingleton<ProgressReminderStore>();
        services.TryAddSingleton<ProgressReminderQueue>();
        services.TryAddSingleton<ProgressReminders>();
        services.AddHostedService<ProgressReminderService>();
        services.TryAddSingleton<SummaryPostingStore>();
        services.TryAddSingleton<SummaryPostingQueue>();
        services.TryAddSingleton<SummaryPostingWorker>();
        services.TryAddSingleton<SummaryPublisher>();
        services.TryAddSingleton<IDownloadLinkIssuer, NoDownloadLinks>();
        services.TryAddSingleton(p => new Reports.WorkshopReportBuilder(p.GetRequiredService<GroupSummaryBuilder>()));
        services.TryAddSingleton<Reports.MarkdownReportRenderer>();
        services.TryAddSingleton<Reports.HtmlReportRenderer>();
        services.TryAddSingleton<Reports.CsvReportRenderer>();
        services.TryAddSingleton<Reports.Docx.DocxReportRenderer>();
        services.TryAddSingleton<WorkshopReports>();
        services.TryAddSingleton<ChannelWelcome>();
        services.TryAddSingleton<ChannelCommands>();
        services.TryAddSingleton<FollowUpStore>();
        // Whichever of this and the reminders' default (the plan's conversation) is registered first.
        services.Replace(ServiceDescriptor.Singleton<IFacilitatorNotifier, WorkshopChannelFacilitatorNotifier>());
        services.AddHostedService<SummaryPostingService>();
        services.AddSingleton<IRouteModule, FacilitationRouteModule>();
        return services;
    }
}
