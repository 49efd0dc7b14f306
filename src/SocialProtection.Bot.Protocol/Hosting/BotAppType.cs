namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>How the bot's Entra app registration is set up (the Bot Framework key <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    /// <summary>Multi-tenant app: outbound tokens come from the "botframework.com" tenant.</summary>
    MultiTenant,

    /// <summary>Single-tenant app: outbound tokens come from <c>MicrosoftAppTenantId</c>.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity whose client id is <c>MicrosoftAppId</c>.</summary>
    UserAssignedMSI,
}
