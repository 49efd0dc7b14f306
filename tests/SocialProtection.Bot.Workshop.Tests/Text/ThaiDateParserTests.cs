using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed class ThaiDateParserTests
{
    [Theory]
    [InlineData("31/12/2569")]
    [InlineData("31-12-2569")]
    [InlineData("31.12.2569")]
    [InlineData("๓๑/๑๒/๒๕๖๙")]
    [InlineData("31/12/69")]
    [InlineData("2026-12-31")]
    [InlineData("2569-12-31")]
    [InlineData("31/12/2026")]
    [InlineData("31 ธันวาคม 2569")]
    [InlineData("31 ธันวาคม พ.ศ. 2569")]
    [InlineData("วันที่ 31 ธันวาคม พ.ศ.2569")]
    [InlineData("31 ธ.ค. 69")]
    [InlineData("31 ธ.ค. 2569")]
    [InlineData("31ธค69")]
    [InlineData("๓๑ ธ.ค. ๖๙")]
    [InlineData("31 ธันวาคม ค.ศ. 2026")]
    [InlineData("31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026)")]
    [InlineData("31 ธ.ค. 2569 (2026)")]
    [InlineData("31 Dec 2026")]
    [InlineData("31 december 2026")]
    [InlineData("31 DEC. 2026")]
    [InlineData("31st December 2026")]
    [InlineData("December 31, 2026")]
    [InlineData("31 Dec 26")]
    [InlineData("31 December 2026 (B.E. 2569)")]
    [InlineData("31 Dec 2026 (BE 2569)")]
    [InlineData("31 December 2569 BE")]
    [InlineData("  31 / 12 / 2569  ")]
    public void Accepted_forms_all_read_as_the_last_day_of_2026(string input)
    {
        Assert.True(ThaiDateParser.TryParse(input, out var date, out var error), $"{input}: {error}");
        Assert.Equal(new DateOnly(2026, 12, 31), date);
        Assert.Equal(ThaiDateError.None, error);
    }

    [Theory]
    [InlineData("1/2/2569", 2026, 2, 1)]
    [InlineData("14 มิถุนายน 2555", 2012, 6, 14)]
    [InlineData("๑๔ มิถุนายน ๒๕๕๕", 2012, 6, 14)]
    [InlineData("1 ม.ค. 70", 2027, 1, 1)]
    [InlineData("5 ก.ย. 2569", 2026, 9, 5)]
    [InlineData("5 Sept 2026", 2026, 9, 5)]
    [InlineData("31 ธันวา 2569", 2026, 12, 31)]
    [InlineData("1 มกรา 70", 2027, 1, 1)]
    [InlineData("2443-01-01", 1900, 1, 1)]
    [InlineData("31/12/2299", 2299, 12, 31)]
    public void Day_month_and_year_are_read_in_thai_order(string input, int year, int month, int day)
    {
        Assert.True(ThaiDateParser.TryParse(input, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("29/02/2567", true)] // 2024, a leap year
    [InlineData("29/02/2566", false)] // 2023
    [InlineData("29 ก.พ. 2571", true)] // 2028
    [InlineData("29/02/2100", false)] // a century that is not a leap year
    [InlineData("29/02/2000", true)]
    public void Leap_days_exist_only_in_leap_years(string input, bool exists)
    {
        Assert.Equal(exists, ThaiDateParser.TryParse(input, out _, out var error));
        Assert.Equal(exists ? ThaiDateError.None : ThaiDateError.DayOutOfRange, error);
    }

    [Theory]
    [InlineData("31/02/2569", ThaiDateError.DayOutOfRange)]
    [InlineData("31 เมษายน 2569", ThaiDateError.DayOutOfRange)]
    [InlineData("0/12/2569", ThaiDateError.DayOutOfRange)]
    [InlineData("12/31/2026", ThaiDateError.MonthOutOfRange)]
    [InlineData("31/13/2569", ThaiDateError.MonthOutOfRange)]
    [InlineData("31 วันจันทร์ 2569", ThaiDateError.UnknownMonthName)]
    [InlineData("31 Decembre 2026", ThaiDateError.UnknownMonthName)]
    [InlineData("31/12/1800", ThaiDateError.YearOutOfRange)]
    [InlineData("31/12/0026", ThaiDateError.YearOutOfRange)]
    [InlineData("31/12/2900", ThaiDateError.YearOutOfRange)]
    [InlineData("31 ธันวาคม พ.ศ. 2026", ThaiDateError.EraMismatch)]
    [InlineData("31 ธันวาคม ค.ศ. 2569", ThaiDateError.EraMismatch)]
    [InlineData("31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2025)", ThaiDateError.EraMismatch)]
    [InlineData("พรุ่งนี้", ThaiDateError.UnrecognizedFormat)]
    [InlineData("31/12", ThaiDateError.UnrecognizedFormat)]
    [InlineData("31/12-2569", ThaiDateError.UnrecognizedFormat)]
    [InlineData("31/12/256", ThaiDateError.UnrecognizedFormat)]
    [InlineData("<script>31/12/2569</script>", ThaiDateError.UnrecognizedFormat)]
    [InlineData("", ThaiDateError.Empty)]
    [InlineData("   ", ThaiDateError.Empty)]
    [InlineData(null, ThaiDateError.Empty)]
    public void Impossible_or_unreadable_dates_say_why(string? input, ThaiDateError expected)
    {
        Assert.False(ThaiDateParser.TryParse(input, out var date, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, date);
    }

    [Fact]
    public void Very_long_input_is_rejected_without_work()
    {
        Assert.False(ThaiDateParser.TryParse(new string('1', 100_000), out _, out var error));
        Assert.Equal(ThaiDateError.UnrecognizedFormat, error);
    }

    [Fact]
    public void What_the_formatter_writes_reads_back_as_the_same_date()
    {
        for (var date = new DateOnly(2024, 1, 1); date < new DateOnly(2027, 1, 1); date = date.AddDays(1))
        {
            foreach (var language in new[] { Language.Thai, Language.English })
            {
                Assert.True(ThaiDateParser.TryParse(ThaiDateFormatter.Format(date, language), out var longForm));
                Assert.True(ThaiDateParser.TryParse(ThaiDateFormatter.FormatShort(date, language), out var shortForm));
                Assert.Equal(date, longForm);
                Assert.Equal(date, shortForm);
            }
        }
    }
}
