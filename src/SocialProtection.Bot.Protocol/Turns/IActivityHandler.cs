using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Turns;

/// <summary>Handles one turn. For invoke activities the returned response is the HTTP answer; otherwise it is ignored.</summary>
public interface IActivityHandler
{
    Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}
