using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// The follow-up feature: options ("Reminders", "Reminders:Schedule", "Reminders:Scheduler", "Reminders:RateLimits"),
    /// the schedule calculator, the Teams send pacer (also told of every 429 the connector client sees), planner,
    /// delivery, the durable <see cref="ReminderScheduler"/> as a hosted service, and the card and command routes.
    /// Needs an <see cref="Storage.IObjectStore"/> and the protocol services (IProactiveMessenger).
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.SectionName));
        services.AddOptions<ReminderScheduleOptions>().Bind(configuration.GetSection(ReminderScheduleOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ReminderSchedulerOptions>().Bind(configuration.GetSection(ReminderSchedulerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TeamsRateLimitOptions>().Bind(configuration.GetSection(TeamsRateLimitOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderScheduleOptions>, ReminderOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderSchedulerOptions>, ReminderOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsRateLimitOptions>, ReminderOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FollowUpStore>();
        services.TryAddSingleton<PersonalConversationStore>();
        services.TryAddSingleton(provider => new ReminderScheduleCalculator(
            provider.GetRequiredService<IOptions<ReminderScheduleOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new TeamsSendPacer(
            provider.GetRequiredService<IOptions<TeamsRateLimitOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ParticipantCommitmentSync>();
        services.TryAddSingleton<ReminderPlanner>();
        services.TryAddSingleton<IFacilitatorNotifier, PlanChannelFacilitatorNotifier>();
        services.TryAddSingleton<IFollowUpAccess, PlanFollowUpAccess>();
        services.TryAddSingleton<IReminderDelivery, ProactiveReminderDelivery>();
        services.TryAddSingleton<ReminderActionHandler>();
        services.TryAddSingleton<FollowUpPlanService>();
        services.TryAddSingleton<FollowUpViewService>();
        services.TryAddSingleton<FollowUpCommandHandler>();
        services.TryAddSingleton<FollowUpPlanning>();
        services.TryAddSingleton<FollowUpPlanCardHandler>();
        services.AddSingleton<IRouteModule, ReminderRouteModule>();
        services.TryAddSingleton<ReminderScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<ReminderScheduler>());

        services.AddHttpClient(ConnectorClient.HttpClientName)
            .AddHttpMessageHandler(provider => new ConnectorThrottleObserver(provider.GetRequiredService<TeamsSendPacer>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
