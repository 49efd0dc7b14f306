using SocialProtection.Bot.Workshop.Facilitation;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class ProgressReminderLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    [Fact]
    public void People_reminded_within_the_interval_are_skipped_and_the_rest_reminded()
    {
        var (log, first, remind) = new ProgressReminderLog().Apply("a1", ["p1", "p2"], 0, Now, Interval);
        Assert.Equal(["p1", "p2"], remind);
        Assert.Equal((2, 0), (first.Reminded, first.Skipped));

        var (_, second, again) = log.Apply("a2", ["p1", "p2", "p3"], 1, Now.AddMinutes(10), Interval);

        Assert.Equal(["p3"], again);
        Assert.Equal((1, 2, 1), (second.Reminded, second.Skipped, second.Unreachable));
    }

    [Fact]
    public void A_person_can_be_reminded_again_once_the_interval_has_passed()
    {
        var (log, _, _) = new ProgressReminderLog().Apply("a1", ["p1"], 0, Now, Interval);

        var (_, _, remind) = log.Apply("a2", ["p1"], 0, Now + Interval, Interval);

        Assert.Equal(["p1"], remind);
    }

    [Fact]
    public void A_press_is_remembered_and_only_the_newest_presses_are_kept()
    {
        var log = new ProgressReminderLog();
        for (var i = 0; i < ProgressReminderLog.PressesKept + 5; i++)
        {
            log = log.Apply("a" + i, [], 0, Now, Interval).Log;
        }

        Assert.Equal(ProgressReminderLog.PressesKept, log.Presses.Count);
        Assert.NotNull(log.Find("a" + (ProgressReminderLog.PressesKept + 4)));
        Assert.Null(log.Find("a0"));
    }

    [Fact]
    public void A_persons_id_in_the_log_is_not_their_user_key()
    {
        var id = ProgressReminderLog.PersonId("ws1", "0b7e4c2a-0000-4000-8000-00000000a11c");

        Assert.DoesNotContain("0b7e4c2a", id, StringComparison.Ordinal);
        Assert.NotEqual(id, ProgressReminderLog.PersonId("ws2", "0b7e4c2a-0000-4000-8000-00000000a11c"));
    }
}
