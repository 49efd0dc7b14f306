namespace SocialProtection.Bot.Protocol.Authentication;

/// <summary>Who issued the token that authenticated a request.</summary>
internal enum ChannelTokenIssuer
{
    /// <summary>The Bot Framework token service (<c>https://api.botframework.com</c>): the connector calling the bot.</summary>
    BotFramework,

    /// <summary>Microsoft Entra ID, for a tenant the bot trusts.</summary>
    Entra,
}
