using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Host.Hosting;

public static class ActivityRouterRegistration
{
    /// <summary>One router for the process, built from every feature's <see cref="IRouteModule"/> in registration order.</summary>
    public static IServiceCollection AddActivityRouterFromModules(this IServiceCollection services)
    {
        services.AddSingleton<IActivityHandler>(provider =>
        {
            var router = new ActivityRouter();
            foreach (var module in provider.GetServices<IRouteModule>())
            {
                module.Map(router);
            }
            return router;
        });
        return services;
    }
}
