using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop;

public static class WorkshopServiceCollectionExtensions
{
    /// <summary>
    /// The workshop features: the participant's lesson-extraction dialog (options from the "Workshop" section) and
    /// its routes. Needs an <see cref="SocialProtection.Bot.Storage.IObjectStore"/> (AddObjectStore). Personal chats
    /// answer into the default workshop until <see cref="Facilitation.FacilitationServiceCollectionExtensions.AddWorkshopFacilitation"/>
    /// (which needs the protocol services) lets participants join workshops from channels.
    /// </summary>
    public static IServiceCollection AddWorkshop(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ParticipantOptions>()
            .Bind(configuration.GetSection(ParticipantOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IQuestionSetProvider, ConfiguredQuestionSetProvider>();
        services.TryAddSingleton<ParticipantConversation>();
        services.TryAddSingleton<PersonalConversationStore>();
        services.TryAddSingleton<ParticipantPreferencesStore>();
        services.TryAddSingleton<IParticipantWorkshopResolver, DefaultWorkshopResolver>();
        services.TryAddSingleton<ParticipantRecordCache>();
        services.TryAddSingleton<ParticipantTurnRunner>();
        services.TryAddSingleton<ParticipantTurnHandler>();
        services.AddDataRights(configuration);
        services.AddHostedService<WorkshopWarmUp>();
        services.AddSingleton<IRouteModule, ParticipantRouteModule>();
        return services;
    }
}
