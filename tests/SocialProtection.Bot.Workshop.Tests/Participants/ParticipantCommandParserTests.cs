using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

public sealed class ParticipantCommandParserTests
{
    [Theory]
    [InlineData("help", typeof(ParticipantCommand.Help))]
    [InlineData("ช่วยเหลือ", typeof(ParticipantCommand.Help))]
    [InlineData("  Start ", typeof(ParticipantCommand.Start))]
    [InlineData("เริ่ม", typeof(ParticipantCommand.Start))]
    [InlineData("continue", typeof(ParticipantCommand.Continue))]
    [InlineData("ทำต่อ", typeof(ParticipantCommand.Continue))]
    [InlineData("STATUS", typeof(ParticipantCommand.Status))]
    [InlineData("สถานะ", typeof(ParticipantCommand.Status))]
    [InlineData("review", typeof(ParticipantCommand.Review))]
    [InlineData("ทบทวน", typeof(ParticipantCommand.Review))]
    [InlineData("cancel", typeof(ParticipantCommand.Cancel))]
    [InlineData("ยกเลิก", typeof(ParticipantCommand.Cancel))]
    public void Commands_work_in_Thai_and_English(string text, Type expected) =>
        Assert.IsType(expected, ParticipantCommandParser.Parse(text));

    [Theory]
    [InlineData("edit 3", 3)]
    [InlineData("แก้ไข 3", 3)]
    [InlineData("แก้ไข๓", 3)]
    [InlineData("edit ๑๑", 11)]
    [InlineData("edit 99999999999", 0)]
    public void Edit_takes_a_question_number_in_either_digits(string text, int number) =>
        Assert.Equal(number, Assert.IsType<ParticipantCommand.Edit>(ParticipantCommandParser.Parse(text)).Number);

    [Theory]
    [InlineData("language en", Language.English)]
    [InlineData("ภาษา อังกฤษ", Language.English)]
    [InlineData("ภาษาอังกฤษ", Language.English)]
    [InlineData("language th", Language.Thai)]
    [InlineData("ภาษา ไทย", Language.Thai)]
    [InlineData("Language Thai", Language.Thai)]
    public void Language_can_be_chosen_in_either_language(string text, Language language) =>
        Assert.Equal(language, Assert.IsType<ParticipantCommand.ChooseLanguage>(ParticipantCommandParser.Parse(text)).Language);

    [Theory]
    [InlineData("ภาษา")]
    [InlineData("language")]
    [InlineData(" Lang ")]
    public void The_language_word_alone_as_the_command_menu_inserts_it_switches_language(string text) =>
        Assert.IsType<ParticipantCommand.OtherLanguage>(ParticipantCommandParser.Parse(text));

    [Theory]
    [InlineData("เริ่มจากการสร้างเครือข่ายในพื้นที่")]
    [InlineData("ทบทวนนโยบายทุกปี")]
    [InlineData("start with the budget")]
    [InlineData("edit the national strategy")]
    [InlineData("ภาษา มือ")]
    [InlineData("")]
    public void An_answer_that_merely_begins_with_a_command_word_stays_an_answer(string text) =>
        Assert.Null(ParticipantCommandParser.Parse(text));
}
