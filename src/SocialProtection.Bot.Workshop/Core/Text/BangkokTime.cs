using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>The workshop's time zone, Asia/Bangkok (UTC+07:00 all year, no daylight saving).</summary>
internal static class BangkokTime
{
    private const string ZoneId = "Asia/Bangkok";

    /// <summary>The system's Asia/Bangkok zone, or an equivalent fixed +07:00 zone where the system has no time zone data.</summary>
    public static TimeZoneInfo Zone { get; } = Resolve();

    /// <summary>The same instant on a Bangkok wall clock.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static TimeZoneInfo Resolve()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Containers without tzdata: Thailand has kept +07:00 without daylight saving since 1920.
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
        }
    }
}
