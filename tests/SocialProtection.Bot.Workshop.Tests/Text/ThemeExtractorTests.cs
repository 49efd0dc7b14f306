using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed class ThemeExtractorTests
{
    // Twelve answers to "what most holds back the social protection partner network?", as participants might write them.
    private static readonly ThemeInput[] Answers =
    [
        new("p01", "ปัญหาหลักคือการทำงานแบบไซโล แต่ละหน่วยงานไม่แบ่งปันข้อมูล ต้องสร้างความไว้เนื้อเชื่อใจระหว่างภาคี"),
        new("p02", "ควรเพิ่มงบประมาณสำหรับการคุ้มครองทางสังคม และลดการทำงานแบบไซโล"),
        new("p03", "ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ สำคัญที่สุด"),
        new("p04", "ประเทศไทยต้องมี social protection floor ตาม ILO R202 และจัดสรรงบประมาณให้เพียงพอ"),
        new("p05", "Social protection floor ควรเป็นวาระแห่งชาติ การคุ้มครองทางสังคมต้องมีเป้าหมายชัดเจน"),
        new("p06", "เครือข่ายพันธมิตรยังขาดความไว้เนื้อเชื่อใจ และยังมีการทำงานแบบไซโล"),
        new("p07", "อยากให้มีคณะกรรมการระดับชาติด้านการคุ้มครองทางสังคม โดยมีนายกรัฐมนตรีเป็นประธาน"),
        new("p08", "งบประมาณไม่พอ!!! งบประมาณไม่พอ ต้องหาแหล่งงบประมาณในประเทศ"),
        new("p09", "ILO R202 เป็นกรอบที่ดี แต่ต้องแปลงเป็นแผนปฏิบัติ"),
        new("p10", "การมีส่วนร่วมของภาคประชาสังคมยังน้อย ต้องเพิ่มการมีส่วนร่วม"),
        new("p11", "ส่งเสริมการมีส่วนร่วม และความไว้เนื้อเชื่อใจระหว่างหน่วยงาน"),
        new("p12", "เน้นจุดคานงัด: ข้อมูลร่วม การทำงานแบบไซโล ต้องหมดไป"),
    ];

    [Fact]
    public void Repeated_phrases_are_found_whole_with_their_participant_counts()
    {
        var themes = ThemeExtractor.Extract(Answers);

        Assert.Contains(new Theme("ความไว้เนื้อเชื่อใจ", 4, 8), themes);
        Assert.Contains(new Theme("การทำงานแบบไซโล", 4, 4), themes);
        Assert.Contains(new Theme("งบประมาณ", 3, 5), themes);
        Assert.Contains(new Theme("การคุ้มครองทางสังคม", 3, 3), themes);
        Assert.Contains(new Theme("การมีส่วนร่วม", 2, 3), themes);
    }

    [Fact]
    public void Pieces_of_a_longer_theme_raised_by_the_same_people_are_not_themes_of_their_own()
    {
        var texts = ThemeExtractor.Extract(Answers).Select(t => t.Text).ToList();

        Assert.DoesNotContain("คุ้มครองทางสังคม", texts);
        Assert.DoesNotContain("คุ้มครอง", texts);
        Assert.DoesNotContain("สังคม", texts);
        Assert.DoesNotContain("ไซโล", texts);
        Assert.DoesNotContain("ทำงาน", texts);
        Assert.DoesNotContain("ไว้เนื้อเชื่อใจ", texts);
        Assert.DoesNotContain("ส่วนร่วม", texts);
    }

    [Fact]
    public void Most_widely_shared_themes_come_first()
    {
        var themes = ThemeExtractor.Extract(Answers);

        Assert.Equal(["ความไว้เนื้อเชื่อใจ", "การทำงานแบบไซโล", "งบประมาณ", "การคุ้มครองทางสังคม", "การมีส่วนร่วม"], themes.Take(5).Select(t => t.Text));
        Assert.Equal(
            themes.OrderByDescending(t => t.ParticipantCount).ThenByDescending(t => t.OccurrenceCount).ThenBy(t => t.Text, StringComparer.Ordinal),
            themes);
    }

    [Fact]
    public void One_participant_repeating_a_phrase_counts_once()
    {
        var answers = new[]
        {
            new ThemeInput("a", "ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ"),
            new ThemeInput("a", "ยังขาดความไว้เนื้อเชื่อใจ"),
            new ThemeInput("b", "การทำงานแบบไซโล"),
        };

        Assert.Empty(ThemeExtractor.Extract(answers));
        Assert.Equal([new Theme("ความไว้เนื้อเชื่อใจ", 1, 6)], ThemeExtractor.Extract(answers, new ThemeOptions { MinParticipants = 1, MaxThemes = 1 }));
    }

    [Fact]
    public void Stop_words_punctuation_digits_and_lone_letters_are_never_themes()
    {
        var answers = Enumerable.Range(0, 6).Select(i => new ThemeInput(
            $"p{i}",
            $"ที่ และ ของ ใน การ ความ เป็น มี ให้ ได้ ไม่ จะ ซึ่ง ว่า กับ แล้ว ก็ ต้อง ควร the and of to !!! ... ( ) 2569 ๒๕๖๙ ๓.๒ ก ข a ๆ {i}"));

        Assert.Empty(ThemeExtractor.Extract(answers, new ThemeOptions { MaxThemes = 100 }));
    }

    [Fact]
    public void Themes_never_start_or_end_with_a_stop_word()
    {
        var stopWords = ThemeVocabulary.AllStopWords.ToHashSet();

        var themes = ThemeExtractor.Extract(Answers, new ThemeOptions { MaxThemes = 100 });

        Assert.NotEmpty(themes);
        Assert.All(themes, theme =>
        {
            var words = ThaiWordSegmenter.Segment(theme.Text).Select(t => t.Text).ToList();
            Assert.True(words[0] is "การ" or "ความ" || !stopWords.Contains(words[0]), theme.Text);
            Assert.DoesNotContain(words[^1], stopWords);
            Assert.DoesNotContain(theme.Text, c => char.IsPunctuation(c));
        });
    }

    [Fact]
    public void A_phrase_may_hold_a_stop_word_inside()
    {
        var themes = ThemeExtractor.Extract(Answers);

        Assert.Contains(themes, t => t.Text == "การทำงานแบบไซโล"); // แบบ is a stop word
        Assert.Contains(themes, t => t.Text == "การคุ้มครองทางสังคม"); // so is ทาง
    }

    [Fact]
    public void English_phrases_keep_their_spaces_and_usual_capitals()
    {
        var themes = ThemeExtractor.Extract(Answers);

        Assert.Contains(new Theme("social protection floor", 2, 2), themes);
        Assert.Contains(new Theme("ILO R202", 2, 2), themes);
    }

    [Fact]
    public void Thai_and_english_mix_within_one_theme()
    {
        var answers = new[]
        {
            new ThemeInput("a", "ปัญหาคือการทำงานแบบ silo ในภาครัฐ"),
            new ThemeInput("b", "ยังมีการทำงานแบบ Silo อยู่มาก"),
            new ThemeInput("c", "การทำงานแบบ silo ทำให้ช้า"),
        };

        Assert.Equal(new Theme("การทำงานแบบ silo", 3, 3), ThemeExtractor.Extract(answers)[0]);
    }

    [Fact]
    public void Same_answers_in_any_order_give_the_same_themes()
    {
        var expected = ThemeExtractor.Extract(Answers, new ThemeOptions { MaxThemes = 100 });

        for (var seed = 1; seed <= 5; seed++)
        {
            var shuffled = Answers.ToArray();
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(expected, ThemeExtractor.Extract(shuffled, new ThemeOptions { MaxThemes = 100 }));
        }

        Assert.Equal(expected, ThemeExtractor.Extract(Answers.Reverse(), new ThemeOptions { MaxThemes = 100 }));
    }

    [Fact]
    public void Minimum_participants_and_top_n_are_honoured()
    {
        var atLeastThree = ThemeExtractor.Extract(Answers, new ThemeOptions { MinParticipants = 3 });
        Assert.Equal(["ความไว้เนื้อเชื่อใจ", "การทำงานแบบไซโล", "งบประมาณ", "การคุ้มครองทางสังคม"], atLeastThree.Select(t => t.Text));

        var topTwo = ThemeExtractor.Extract(Answers, new ThemeOptions { MaxThemes = 2 });
        Assert.Equal(["ความไว้เนื้อเชื่อใจ", "การทำงานแบบไซโล"], topTwo.Select(t => t.Text));
    }

    [Fact]
    public void Phrases_do_not_run_across_punctuation_or_a_space_between_thai_words()
    {
        var answers = new[]
        {
            new ThemeInput("a", "งบประมาณ. เครือข่าย"),
            new ThemeInput("b", "งบประมาณ เครือข่าย"),
            new ThemeInput("c", "งบประมาณ\nเครือข่าย"),
        };

        var themes = ThemeExtractor.Extract(answers);

        Assert.Equal([new Theme("งบประมาณ", 3, 3), new Theme("เครือข่าย", 3, 3)], themes);
    }

    [Fact]
    public void No_answers_give_no_themes()
    {
        Assert.Empty(ThemeExtractor.Extract([]));
        Assert.Empty(ThemeExtractor.Extract([new ThemeInput("a", ""), new ThemeInput("b", "   ")]));
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_clear_error()
    {
        Assert.Throws<ArgumentNullException>(() => ThemeExtractor.Extract(null!));
        Assert.Throws<ArgumentException>(() => ThemeExtractor.Extract([new ThemeInput("", "งบประมาณ")]));
        Assert.Throws<ArgumentException>(() => ThemeExtractor.Extract([new ThemeInput("a", null!)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThemeExtractor.Extract(Answers, new ThemeOptions { MinParticipants = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThemeExtractor.Extract(Answers, new ThemeOptions { MaxThemes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThemeExtractor.Extract(Answers, new ThemeOptions { MaxPhraseWords = 9 }));
    }

    [Fact]
    public void Cancellation_stops_the_work()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => ThemeExtractor.Extract(Answers, cancellationToken: cancelled.Token));
    }
}
