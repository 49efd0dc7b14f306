using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed class ThaiDateFormatterTests
{
    private static readonly DateOnly LastDayOf2026 = new(2026, 12, 31);

    [Fact]
    public void Long_dates_show_both_eras()
    {
        Assert.Equal("31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026)", ThaiDateFormatter.Format(LastDayOf2026, Language.Thai));
        Assert.Equal("31 December 2026 (B.E. 2569)", ThaiDateFormatter.Format(LastDayOf2026, Language.English));
    }

    [Fact]
    public void Short_dates_show_both_eras()
    {
        Assert.Equal("31 ธ.ค. 2569 (2026)", ThaiDateFormatter.FormatShort(LastDayOf2026, Language.Thai));
        Assert.Equal("31 Dec 2026 (BE 2569)", ThaiDateFormatter.FormatShort(LastDayOf2026, Language.English));
        Assert.Equal("1 ม.ค. 2570 (2027)", ThaiDateFormatter.FormatShort(new DateOnly(2027, 1, 1), Language.Thai));
    }

    [Fact]
    public void Times_are_on_the_bangkok_clock()
    {
        var instant = new DateTimeOffset(2026, 12, 31, 7, 30, 0, TimeSpan.Zero);

        Assert.Equal("14:30 น.", ThaiDateFormatter.FormatTime(instant, Language.Thai));
        Assert.Equal("14:30 ICT", ThaiDateFormatter.FormatTime(instant, Language.English));
    }

    [Fact]
    public void An_instant_late_in_the_utc_day_is_already_tomorrow_in_bangkok()
    {
        var instant = new DateTimeOffset(2026, 12, 31, 18, 5, 0, TimeSpan.Zero);

        Assert.Equal("1 มกราคม พ.ศ. 2570 (ค.ศ. 2027) เวลา 01:05 น.", ThaiDateFormatter.FormatDateTime(instant, Language.Thai));
        Assert.Equal("1 January 2027 (B.E. 2570) at 01:05 ICT", ThaiDateFormatter.FormatDateTime(instant, Language.English));
    }

    [Fact]
    public void Instants_in_other_offsets_are_converted()
    {
        var instant = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("14:00 น.", ThaiDateFormatter.FormatTime(instant, Language.Thai));
    }

    [Fact]
    public void Bangkok_is_seven_hours_ahead_all_year()
    {
        Assert.Equal(TimeSpan.FromHours(7), BangkokTime.Zone.GetUtcOffset(new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(7), BangkokTime.Zone.GetUtcOffset(new DateTime(2026, 7, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(7), BangkokTime.ToLocal(DateTimeOffset.UnixEpoch.AddYears(56)).Offset);
    }

    [Fact]
    public void Every_month_has_its_name_in_both_languages()
    {
        var thai = Enumerable.Range(1, 12).Select(m => ThaiDateFormatter.Format(new DateOnly(2026, m, 1), Language.Thai)).ToList();
        var english = Enumerable.Range(1, 12).Select(m => ThaiDateFormatter.Format(new DateOnly(2026, m, 1), Language.English)).ToList();

        Assert.Equal(12, thai.Distinct().Count());
        Assert.Equal("1 กุมภาพันธ์ พ.ศ. 2569 (ค.ศ. 2026)", thai[1]);
        Assert.Equal("1 May 2026 (B.E. 2569)", english[4]);
    }

    [Fact]
    public void Unknown_language_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThaiDateFormatter.Format(LastDayOf2026, (Language)7));
    }
}
