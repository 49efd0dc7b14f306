using SocialProtection.Bot.Workshop.DataRights;

namespace SocialProtection.Bot.Host.Hosting;

public static class ServedBaseUrlServiceCollectionExtensions
{
    /// <summary>Lets download links follow the address the bot is reached at (<see cref="ServedBaseUrl"/>) when Bot:PublicBaseUrl is not set.</summary>
    public static IServiceCollection AddServedBaseUrl(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<IServedBaseUrl, ServedBaseUrl>();
        return services;
    }
}
