using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Tests.Questions;

public sealed class AnswerValidatorTests
{
    private static readonly QuestionSet Set = QuestionSetLoader.LoadDefault();

    private static Question Q(string id) => Set.Find(id)!;

    [Theory]
    [InlineData("31/12/2569")]
    [InlineData("๓๑/๑๒/๒๕๖๙")]
    [InlineData("2026-12-31")]
    public void Dates_are_read_in_Buddhist_or_Common_era_with_Thai_or_Arabic_digits(string typed)
    {
        var valid = Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(Q("followUpDate"), typed, typed: true));
        Assert.Equal(new DateOnly(2026, 12, 31), valid.Answer.Date);
    }

    [Theory]
    [InlineData("๔", 4)]
    [InlineData(" 1 ", 1)]
    [InlineData("5", 5)]
    public void Ratings_from_1_to_5_are_accepted(string typed, int rating) =>
        Assert.Equal(rating, Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(Q("networkReadiness"), typed, typed: true)).Answer.Rating);

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("สี่")]
    public void Ratings_outside_1_to_5_are_refused(string typed) =>
        Assert.Equal(UiTextKeys.ErrorRating, Assert.IsType<AnswerCheck.Invalid>(AnswerValidator.Check(Q("networkReadiness"), typed, typed: true)).Error.Key);

    [Fact]
    public void A_card_must_send_a_choice_value_while_typing_may_use_its_number_or_label()
    {
        var question = Q("organisationType");
        Assert.IsType<AnswerCheck.Invalid>(AnswerValidator.Check(question, "2", typed: false));
        Assert.Equal(["civilSociety"], Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(question, "๒", typed: true)).Answer.Choices);
        Assert.Equal(["civilSociety"], Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(question, "ภาคประชาสังคม", typed: true)).Answer.Choices);
        Assert.Equal(["government"], Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(question, "government", typed: false)).Answer.Choices);
    }

    [Fact]
    public void Multiple_choices_are_kept_in_the_questions_order_and_must_all_exist()
    {
        var question = Q("priorityGroups");
        Assert.Equal(["children", "olderPersons"], Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(question, "olderPersons,children", typed: false)).Answer.Choices);
        Assert.Equal(["children", "olderPersons"], Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(question, "3 1", typed: true)).Answer.Choices);
        Assert.IsType<AnswerCheck.Invalid>(AnswerValidator.Check(question, "children,unicorns", typed: false));
    }

    [Fact]
    public void Length_counts_what_a_reader_sees_as_characters_so_Thai_marks_are_not_charged()
    {
        var question = Q("goodPractices");
        var thai = string.Concat(Enumerable.Repeat("น้ำ", 2000));
        Assert.Equal(6000, thai.Length);
        Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(question, thai, typed: true));

        var error = Assert.IsType<AnswerCheck.Invalid>(AnswerValidator.Check(question, thai + "ก", typed: true)).Error;
        Assert.Equal([UiTextKeys.ErrorTooLong, "2000", "2001"], [error.Key, .. error.Args]);
    }

    [Fact]
    public void Stacked_marks_cannot_smuggle_in_a_huge_answer()
    {
        var bloated = "ก" + new string('\u0E49', 10_000);
        Assert.IsType<AnswerCheck.Invalid>(AnswerValidator.Check(Q("goodPractices"), bloated, typed: false));
        Assert.Equal(QuestionLimits.MaxFieldCodeUnits(2000), AnswerValidator.ForField(bloated, 2000)!.Length);
    }

    [Fact]
    public void Required_answers_cannot_be_empty_and_empty_optional_ones_count_as_skipped()
    {
        Assert.Equal(UiTextKeys.ErrorRequired, Assert.IsType<AnswerCheck.Invalid>(AnswerValidator.Check(Q("obstacles"), " \n ", typed: false)).Error.Key);
        Assert.True(Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(Q("strategyRecommendations"), "", typed: false)).Answer.Skipped);
    }

    [Fact]
    public void Text_is_stored_exactly_as_typed()
    {
        const string typed = "  **ตัวหนา** <at>x</at>\n[ลิงก์](https://example.org) ๑๒๓  ";
        Assert.Equal(typed, Assert.IsType<AnswerCheck.Valid>(AnswerValidator.Check(Q("obstacles"), typed, typed: true)).Answer.Text);
    }

    [Fact]
    public void A_commitment_due_date_must_not_be_in_the_past()
    {
        var today = new DateOnly(2026, 3, 2);
        Assert.Equal(today, AnswerValidator.CheckDueDate("2/3/2569", today).Date);
        Assert.Equal(UiTextKeys.ErrorDateInPast, AnswerValidator.CheckDueDate("1/3/2569", today).Error!.Key);
        Assert.Equal(UiTextKeys.ErrorDate, AnswerValidator.CheckDueDate("พรุ่งนี้", today).Error!.Key);
    }
}
