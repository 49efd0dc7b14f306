using SocialProtection.Bot.Workshop.Summaries.Ideas;
using static SocialProtection.Bot.Workshop.Tests.Summaries.Ideas.BreakoutGroups;

namespace SocialProtection.Bot.Workshop.Tests.Summaries.Ideas;

public sealed class IdeaFinderTests
{
    [Fact]
    public void The_same_idea_worded_three_ways_is_one_idea_with_its_people_and_a_skip_is_none()
    {
        var set = IdeaFinder.Find(Leverage);

        IdeaAssert.Readable(set, Leverage);
        Assert.Equal(2, set.Ideas.Count);
        var database = set.Ideas[0];
        Assert.Contains("ฐานข้อมูล", database.Label, StringComparison.Ordinal);
        Assert.Equal(["p1", "p2", "p3"], People(database, Leverage)); // "big data" is the same database
        var local = set.Ideas[1];
        Assert.True(local.Label.Contains("อปท", StringComparison.Ordinal) || local.Label.Contains("งบ", StringComparison.Ordinal), local.Label);
        Assert.Equal(["p4", "p5"], People(local, Leverage)); // อปท = องค์กรปกครองส่วนท้องถิ่น, งบ = งบประมาณ
        Assert.Equal(["p6", "p7"], set.NoSubstantiveInputs.Select(i => Leverage[i].ParticipantKey));
    }

    [Fact]
    public void Thai_and_English_wordings_of_one_obstacle_meet_and_fillers_count_as_no_answer()
    {
        var set = IdeaFinder.Find(Obstacles);

        IdeaAssert.Readable(set, Obstacles);
        Assert.Equal(["p1", "p2", "p3"], People(Single(set, "ไซโล", "แยกส่วน", "silo"), Obstacles));
        Assert.Equal(["p4", "p5", "p6"], People(Single(set, "ลงทะเบียน"), Obstacles));
        Assert.Equal(["p7", "p8"], set.NoSubstantiveInputs.Select(i => Obstacles[i].ParticipantKey));
    }

    [Fact]
    public void A_typo_still_counts_but_never_shows_in_the_label()
    {
        var set = IdeaFinder.Find(Financing);

        IdeaAssert.Readable(set, Financing);
        Assert.Equal(["p1", "p2"], People(Single(set, "ภาษี"), Financing));
        var budget = Single(set, "งบประมาณ");
        Assert.Equal(["p3", "p4"], People(budget, Financing)); // p3 wrote งบประมาน
        Assert.DoesNotContain("งบประมาน", budget.Label, StringComparison.Ordinal);
        Assert.Equal(["p5"], set.NoSubstantiveInputs.Select(i => Financing[i].ParticipantKey));
    }

    [Fact]
    public void Volunteers_visiting_older_people_said_three_ways_is_one_idea_and_a_lone_idea_is_none()
    {
        var set = IdeaFinder.Find(GoodPractices);

        IdeaAssert.Readable(set, GoodPractices);
        var idea = Assert.Single(set.Ideas);
        Assert.Equal(["p1", "p2", "p3"], People(idea, GoodPractices));
        Assert.Empty(set.NoSubstantiveInputs);
    }

    [Fact]
    public void A_committee_under_the_prime_minister_local_government_and_indicators_are_the_three_ideas()
    {
        var set = IdeaFinder.Find(Mechanisms);

        IdeaAssert.Readable(set, Mechanisms);
        Assert.Equal(3, set.Ideas.Count);
        Assert.Equal(3, set.Ideas[0].ParticipantCount); // the most widely shared first
        Assert.Equal(["p01", "p02", "p03"], People(set.Ideas[0], Mechanisms));
        Assert.Equal(["p04", "p05"], People(Single(set, "ท้องถิ่น", "อปท"), Mechanisms));
        Assert.Equal(["p06", "p07"], People(Single(set, "ตัวชี้วัด", "KPI"), Mechanisms));
        Assert.Equal(["p08", "p09", "p10"], set.NoSubstantiveInputs.Select(i => Mechanisms[i].ParticipantKey));
    }

    [Fact]
    public void Copied_filler_answers_are_never_an_idea()
    {
        var set = IdeaFinder.Find(Fillers);

        IdeaAssert.Readable(set, Fillers);
        Assert.Equal(10, set.NoSubstantiveInputs.Count);
        var idea = Assert.Single(set.Ideas);
        Assert.Equal(["p10", "p11"], People(idea, Fillers));
        Assert.Contains("เด็กเล็ก", idea.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void The_issue_example_gives_whole_phrases_and_no_skip_or_bare_verb()
    {
        var set = IdeaFinder.Find(IssueExample);

        IdeaAssert.Readable(set, IssueExample);
        var top = set.Ideas[0];
        Assert.Contains("ฐานข้อมูลผู้มีสิทธิ์กลาง", top.Label, StringComparison.Ordinal); // not ผู้มีสิทธิ์กลาง and ฐานข้อมูลผู้มีสิทธิ์ apart
        Assert.Equal(3, top.ParticipantCount);
        Assert.DoesNotContain(set.Ideas, i => i.Label.StartsWith("หน้า", StringComparison.Ordinal)); // from ครั้งหน้า
        Assert.Equal(["p1"], set.NoSubstantiveInputs.Select(i => IssueExample[i].ParticipantKey));
    }

    [Fact]
    public void An_answer_making_two_points_counts_for_both_ideas()
    {
        var set = IdeaFinder.Find(Twelve);

        IdeaAssert.Readable(set, Twelve);
        var trust = set.Ideas.Single(i => i.Label == "ความไว้เนื้อเชื่อใจ");
        var silo = set.Ideas.Single(i => i.Label == "การทำงานแบบไซโล");
        Assert.Equal(["p01", "p03", "p06", "p11"], People(trust, Twelve));
        Assert.Equal(["p01", "p02", "p06", "p12"], People(silo, Twelve));
        Assert.Equal(["p02", "p04", "p08"], People(Single(set, "งบประมาณ"), Twelve));
        Assert.Equal(["p10", "p11"], People(set.Ideas.Single(i => i.Label == "การมีส่วนร่วม"), Twelve));
        Assert.Equal([silo.Label, trust.Label], set.Ideas.Take(2).Select(i => i.Label).Order(StringComparer.Ordinal)); // 4 people each, first
    }

    [Fact]
    public void Quotes_and_excerpts_are_cut_between_words_and_say_so()
    {
        var long1 = "ปัญหาใหญ่ที่สุดที่เห็นในพื้นที่คือ " + string.Concat(Enumerable.Repeat("ผู้สูงอายุที่อยู่ลำพังเข้าไม่ถึงเบี้ยยังชีพ ", 8)).TrimEnd();
        var long2 = "เห็นด้วยว่า " + string.Concat(Enumerable.Repeat("ผู้สูงอายุที่อยู่คนเดียวไม่ได้รับเบี้ยยังชีพ ", 8)).TrimEnd();
        IdeaInput[] inputs = [new("a", long1), new("b", long2)];

        var idea = Assert.Single(IdeaFinder.Find(inputs, new IdeaOptions { QuoteLength = 60, ExcerptLength = 40 }).Ideas);

        Assert.All(idea.Quotes.Concat(idea.Answers), excerpt =>
        {
            Assert.EndsWith("…", excerpt.Text, StringComparison.Ordinal);
            var words = excerpt.Text.Trim('…');
            Assert.Contains(words, inputs[excerpt.Input].Text, StringComparison.Ordinal);
            Assert.True(IsCutBetweenWords(words, inputs[excerpt.Input].Text), excerpt.Text);
        });
        Assert.All(idea.Quotes, q => Assert.True(q.Text.Length <= 60));
        Assert.All(idea.Answers, a => Assert.True(a.Text.Length <= 40));
    }

    [Fact]
    public void Ideas_of_forty_long_answers_are_whole_phrases_shared_by_their_people()
    {
        var generator = new ThaiAnswerGenerator(17);
        var inputs = Enumerable.Range(1, 40).Select(i => new IdeaInput("p" + i, generator.Answer(300 + 20 * (i % 7)))).ToArray();

        var set = IdeaFinder.Find(inputs, new IdeaOptions { MaxIdeas = 20 });

        Assert.True(set.Ideas.Count >= 10, $"only {set.Ideas.Count} ideas");
        IdeaAssert.Readable(set, inputs);
        Assert.Equal(set.Ideas.OrderByDescending(i => i.ParticipantCount).Select(i => i.ParticipantCount), set.Ideas.Select(i => i.ParticipantCount));
    }

    [Fact]
    public void The_same_answers_in_any_order_give_the_same_ideas()
    {
        foreach (var group in All)
        {
            var expected = Describe(IdeaFinder.Find(group), group);
            for (var seed = 1; seed <= 6; seed++)
            {
                var shuffled = group.ToArray();
                new Random(seed).Shuffle(shuffled);
                Assert.Equal(expected, Describe(IdeaFinder.Find(shuffled), shuffled));
            }
        }
    }

    [Fact]
    public void The_fewest_people_for_an_idea_and_the_most_ideas_are_options()
    {
        Assert.Empty(IdeaFinder.Find(GoodPractices, new IdeaOptions { MinParticipants = 4 }).Ideas);
        var alone = IdeaFinder.Find(GoodPractices, new IdeaOptions { MinParticipants = 1 }).Ideas;
        Assert.Equal(3, alone[0].ParticipantCount);
        Assert.Contains(alone, i => i.ParticipantCount == 1 && i.Label.Contains("เบ็ดเสร็จ", StringComparison.Ordinal)); // p4's one-stop centre
        Assert.Single(IdeaFinder.Find(Mechanisms, new IdeaOptions { MaxIdeas = 1 }).Ideas);
    }

    [Fact]
    public void Words_the_question_names_weigh_less_than_what_the_answers_add()
    {
        IdeaInput[] inputs =
        [
            new("a", "จุดคานงัดคือฐานข้อมูลกลาง"),
            new("b", "จุดคานงัดคือภาษีสวัสดิการ"),
            new("c", "จุดคานงัดคือการกระจายอำนาจ"),
        ];

        Assert.Empty(IdeaFinder.Find(inputs, ["จุดคานงัด: จุดใดจะทำให้ความคุ้มครองทางสังคมก้าวหน้าได้มากที่สุด"]).Ideas);
    }

    [Fact]
    public void No_answers_give_no_ideas()
    {
        Assert.Empty(IdeaFinder.Find([]).Ideas);
        var set = IdeaFinder.Find([new IdeaInput("a", ""), new IdeaInput("b", "   "), new IdeaInput("c", "!!!")]);
        Assert.Empty(set.Ideas);
        Assert.Equal([0, 1, 2], set.NoSubstantiveInputs);
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_clear_error()
    {
        Assert.Throws<ArgumentNullException>(() => IdeaFinder.Find(null!));
        Assert.Throws<ArgumentException>(() => IdeaFinder.Find([new IdeaInput("", "งบประมาณ")]));
        Assert.Throws<ArgumentException>(() => IdeaFinder.Find([new IdeaInput("a", null!)]));
        Assert.Throws<ArgumentException>(() => IdeaFinder.Find([null!]));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdeaFinder.Find(Leverage, new IdeaOptions { MinParticipants = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdeaFinder.Find(Leverage, new IdeaOptions { Similarity = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdeaFinder.Find(Leverage, new IdeaOptions { Similarity = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdeaFinder.Find(Leverage, new IdeaOptions { MaxLabelWords = 13 }));
    }

    [Fact]
    public void Cancellation_stops_the_work()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => IdeaFinder.Find(Twelve, cancellationToken: cancelled.Token));
    }

    private static string[] People(Idea idea, IdeaInput[] inputs) =>
        [.. IdeaAssert.People(idea, inputs).Order(StringComparer.Ordinal)];

    /// <summary>The one idea whose label holds any of these words.</summary>
    private static Idea Single(IdeaSet set, params string[] anyOf) =>
        Assert.Single(set.Ideas, i => anyOf.Any(word => i.Label.Contains(word, StringComparison.Ordinal)));

    private static string Describe(IdeaSet set, IdeaInput[] inputs) =>
        string.Join("\n", set.Ideas.Select(i => i.Label + "|" + i.ParticipantCount + "|" + string.Join("/", i.Quotes.Select(q => q.Text))
            + "|" + string.Join("/", i.Answers.Select(a => inputs[a.Input].ParticipantKey + ":" + a.Text).Order(StringComparer.Ordinal))))
        + "\n" + string.Join(",", set.NoSubstantiveInputs.Select(i => inputs[i].ParticipantKey).Order(StringComparer.Ordinal));

    private static bool IsCutBetweenWords(string excerpt, string answer)
    {
        var at = answer.IndexOf(excerpt, StringComparison.Ordinal);
        var words = Workshop.Core.Text.ThaiWordSegmenter.Segment(answer);
        var boundaries = new HashSet<int> { 0, answer.Length };
        var position = 0;
        foreach (var word in words)
        {
            var start = answer.IndexOf(word.Surface, position, StringComparison.Ordinal);
            boundaries.Add(start);
            boundaries.Add(start + word.Surface.Length);
            position = start + word.Surface.Length;
        }
        return boundaries.Contains(at) && boundaries.Contains(at + excerpt.Length);
    }
}
