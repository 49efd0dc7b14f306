namespace SocialProtection.Bot.Protocol.Routing;

/// <summary>
/// A feature's routes. Each feature (participant dialog, facilitator commands, reminders) registers one in
/// DI; the host builds one <see cref="ActivityRouter"/> from all of them, in registration order.
/// </summary>
public interface IRouteModule
{
    void Map(ActivityRouter router);
}
