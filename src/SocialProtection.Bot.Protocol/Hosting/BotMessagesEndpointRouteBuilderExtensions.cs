using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialProtection.Bot.Protocol.Hosting;

public static class BotMessagesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Bot Framework messaging endpoint. Every method is routed here so that non-POST requests get a
    /// problem-details 405 rather than a bare 404/405 (HEAD, as the Agents Playground probes, gets 405 without a body).
    /// Requires <see cref="BotProtocolServiceCollectionExtensions.AddBotProtocol"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        var services = endpoints.ServiceProvider;
        // Settings are checked here already, so a bad configuration fails the build of the app, not the first request.
        _ = services.GetRequiredService<IOptions<BotProtocolOptions>>().Value;
        var endpoint = services.GetRequiredService<BotMessagesEndpoint>();
        return endpoints.Map(pattern, endpoint.HandleAsync).WithDisplayName("Bot Framework messages");
    }
}
