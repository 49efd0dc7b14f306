using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class FacilitatorCommandParserTests
{
    [Theory]
    // The manifest's command titles, in both languages, as Teams sends them.
    [InlineData("help", typeof(FacilitatorCommand.Help))]
    [InlineData("ช่วยเหลือ", typeof(FacilitatorCommand.Help))]
    [InlineData("workshop new", typeof(FacilitatorCommand.NewWorkshop))]
    [InlineData("สร้างเวิร์กชอป", typeof(FacilitatorCommand.NewWorkshop))]
    [InlineData("summary", typeof(FacilitatorCommand.Summary))]
    [InlineData("สรุป", typeof(FacilitatorCommand.Summary))]
    [InlineData("progress", typeof(FacilitatorCommand.Progress))]
    [InlineData("ความคืบหน้า", typeof(FacilitatorCommand.Progress))]
    [InlineData("report", typeof(FacilitatorCommand.Report))]
    [InlineData("รายงาน", typeof(FacilitatorCommand.Report))]
    [InlineData("Workshop  New", typeof(FacilitatorCommand.NewWorkshop))]
    [InlineData("facilitator add", typeof(FacilitatorCommand.AddFacilitator))]
    [InlineData("เพิ่มวิทยากร", typeof(FacilitatorCommand.AddFacilitator))]
    [InlineData("close", typeof(FacilitatorCommand.Close))]
    [InlineData("ปิดรับคำตอบ", typeof(FacilitatorCommand.Close))]
    [InlineData("reopen", typeof(FacilitatorCommand.Reopen))]
    [InlineData("vote reset", typeof(FacilitatorCommand.ResetVotes))]
    [InlineData("รีเซ็ตโหวต", typeof(FacilitatorCommand.ResetVotes))]
    public void Commands_are_recognised_in_Thai_and_English(string text, Type expected) =>
        Assert.IsType(expected, FacilitatorCommandParser.Parse(text));

    [Theory]
    [InlineData("summary 2", "2")]
    [InlineData("สรุป กลุ่มนโยบาย", "กลุ่มนโยบาย")]
    [InlineData("สรุปกลุ่ม ๒", "กลุ่ม ๒")]
    [InlineData("สรุปผล 3", "3")]
    [InlineData("summary", null)]
    public void A_summary_takes_the_rest_as_its_group(string text, string? group) =>
        Assert.Equal(group, Assert.IsType<FacilitatorCommand.Summary>(FacilitatorCommandParser.Parse(text)).Group);

    [Fact]
    public void Other_mentions_are_left_out_of_a_facilitator_add_and_its_group_is_kept()
    {
        var command = FacilitatorCommandParser.Parse("facilitator add <at>Anan Wongsawat</at> group 2");

        Assert.Equal("group 2", Assert.IsType<FacilitatorCommand.AddFacilitator>(command).Group);
    }

    [Fact]
    public void Words_after_workshop_new_become_the_title()
    {
        var command = FacilitatorCommandParser.Parse("workshop new  ถอดบทเรียน&nbsp;2569");

        Assert.Equal("ถอดบทเรียน 2569", Assert.IsType<FacilitatorCommand.NewWorkshop>(command).Title);
    }

    [Theory]
    [InlineData("summaryx")]
    [InlineData("reports are due")]
    [InlineData("followup")]
    [InlineData("ติดตามผล")]
    [InlineData("hello there")]
    [InlineData(null)]
    public void Other_text_is_not_a_facilitator_command(string? text) => Assert.Null(FacilitatorCommandParser.Parse(text));

    [Fact]
    public void Very_long_text_is_not_a_command() => Assert.Null(FacilitatorCommandParser.Parse("summary " + new string('x', 600)));
}
