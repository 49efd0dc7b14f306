using SocialProtection.Bot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class ReminderOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        return TestBot.TestBotServices.Create(settings, new InMemoryObjectStore()).BuildServiceProvider();
    }

    [Fact]
    public void Working_hours_holidays_and_limits_come_from_configuration()
    {
        using var services = Services(new()
        {
            ["Reminders:Schedule:WorkdayStart"] = "08:30",
            ["Reminders:Schedule:Holidays:0"] = "2026-04-13",
            ["Reminders:RateLimits:PerTenantPerSecond"] = "50",
        });

        var schedule = services.GetRequiredService<IOptions<ReminderScheduleOptions>>().Value;
        Assert.Equal(new TimeOnly(8, 30), schedule.WorkdayStart);
        Assert.Equal([new DateOnly(2026, 4, 13)], schedule.Holidays);
        Assert.Equal(50, services.GetRequiredService<IOptions<TeamsRateLimitOptions>>().Value.PerTenantPerSecond);
    }

    [Theory]
    [InlineData("Reminders:Schedule:TimeZoneId", "Mars/Olympus_Mons", "TimeZoneId")]
    [InlineData("Reminders:Schedule:WorkdayEnd", "08:00", "WorkdayEnd")]
    [InlineData("Reminders:Scheduler:FinishedRetention", "1.00:00:00", "FinishedRetention")]
    [InlineData("Reminders:RateLimits:PerTenantPerSecond", "0", "per-tenant rate")]
    public void Settings_the_reminders_cannot_work_with_are_refused_naming_the_setting(string key, string value, string named)
    {
        using var services = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<ReminderScheduleOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ReminderSchedulerOptions>>().Value;
            _ = services.GetRequiredService<IOptions<TeamsRateLimitOptions>>().Value;
        });
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
