using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries.Cards;

/// <summary>
/// Turns a <see cref="GroupSummary"/> into the Adaptive Cards posted to the channel: a first card with the counts,
/// the date and the group's ideas, then each question with its counts, distribution, ideas and every answer. Each idea
/// shows its label, how many people raised it and its representative answers, with a "show the answers behind this
/// idea" toggle that lists every answer grouped under it (in panels that each fit a card).
/// Content is split across as many cards as it needs, each under <see cref="SummaryCardOptions.MaxCardBytes"/>,
/// and never cut: every answer and commitment appears exactly once; an answer too long for one card is continued on
/// the next, in numbered pieces. Bilingual, Thai first. All user text (answers, names, ideas, titles, question-set
/// texts) is escaped with <see cref="CardText.Escape"/> and user answers sit in RichTextBlocks, which never parse markdown.
/// </summary>
internal sealed class SummaryCardBuilder
{
    private const int BarWidth = 10;
    private const string FullBar = "█";
    private const string EmptyBar = "░";

    private readonly SummaryCardOptions _options;
    private readonly TextCatalog _text;

    public SummaryCardBuilder(SummaryCardOptions? options = null, TextCatalog? text = null)
    {
        _options = options ?? new SummaryCardOptions();
        _options.Validate();
        _text = text ?? SummaryText.Default;
    }

    public IReadOnlyList<AdaptiveCard> Build(GroupSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.AnswerCount == 0)
        {
            return [Empty(summary)];
        }
        var packer = new CardPacker(_options.MaxCardBytes, (part, parts) => Frame(summary, part, parts), Envelope);
        var sections = new List<CardSection> { Overview(summary, packer.Capacity) };
        for (var i = 0; i < summary.Questions.Count; i++)
        {
            sections.Add(QuestionSection(summary, i, packer.Capacity));
        }
        return packer.Pack(sections);
    }

    /// <summary>A group nobody has answered in: one short line, not a card of empty question blocks.</summary>
    private AdaptiveCard Empty(GroupSummary summary)
    {
        var name = summary.IsAllGroups
            ? _text.Localized(SummaryTextKeys.TitleAll)
            : _text.Localized(SummaryTextKeys.Title, CardText.Escape(summary.GroupName ?? summary.GroupId!));
        var line = new LocalizedText(
            _text.Format(SummaryTextKeys.Empty, Language.Thai, name.Th),
            _text.Format(SummaryTextKeys.Empty, Language.English, name.En));
        return Envelope([new TextBlock(line.Th + " / " + line.En) { Wrap = true }]);
    }

    // No "lang": the card speaks Thai and English in equal measure.
    private AdaptiveCard Envelope(IReadOnlyList<AdaptiveElement> body) => new()
    {
        Body = body,
        FallbackText = _text.Both(SummaryTextKeys.FallbackText),
        MsTeams = TeamsCardProperties.FullWidth,
    };

    private List<AdaptiveElement> Frame(GroupSummary summary, int part, int parts)
    {
        var title = summary.IsAllGroups
            ? _text.Localized(SummaryTextKeys.TitleAll)
            : _text.Localized(SummaryTextKeys.Title, CardText.Escape(summary.GroupName ?? summary.GroupId!));
        return
        [
            new TextBlock(title.Th) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(title.En) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock(CardText.Escape(summary.WorkshopTitle) + " · " + _text.Both(SummaryTextKeys.Part, part, parts))
            {
                Size = TextSize.Small,
                IsSubtle = true,
                Wrap = true,
                Spacing = Spacing.None,
            },
        ];
    }

    private CardSection Overview(GroupSummary summary, int capacity)
    {
        var facts = new List<AdaptiveElement>
        {
            Bilingual(_text.Localized(SummaryTextKeys.Counts, summary.ParticipantCount, summary.RespondentCount, summary.SubmittedCount)),
        };
        facts.AddRange(BilingualLines(new LocalizedText(
            _text.Format(SummaryTextKeys.Date, Language.Thai, ThaiDateFormatter.Format(summary.WorkshopDate, Language.Thai)),
            _text.Format(SummaryTextKeys.Date, Language.English, ThaiDateFormatter.Format(summary.WorkshopDate, Language.English)))));
        if (summary.LatestAnswerAt is { } latest)
        {
            facts.AddRange(BilingualLines(new LocalizedText(
                _text.Format(SummaryTextKeys.AsOf, Language.Thai, ThaiDateFormatter.FormatDateTime(latest, Language.Thai)),
                _text.Format(SummaryTextKeys.AsOf, Language.English, ThaiDateFormatter.FormatDateTime(latest, Language.English)))));
        }

        var blocks = new List<CardBlock> { new(facts) };
        blocks.AddRange(IdeaBlocks("g", SummaryTextKeys.GroupIdeas, summary.Ideas, summary.NoSubstantiveAnswerCount, showNone: true, capacity));
        return new CardSection([], [], Fit(blocks, capacity));
    }

    private CardSection QuestionSection(GroupSummary summary, int index, int capacity)
    {
        var question = summary.Questions[index];
        var number = index + 1;
        var countKey = question is CommitmentsQuestionSummary commitments
            ? _text.Both(SummaryTextKeys.CommitmentCount, commitments.Commitments.Count, question.AnswerCount)
            : _text.Both(SummaryTextKeys.AnswerCount, question.AnswerCount);
        var title = new LocalizedText(CardText.Escape(question.Text.Th), CardText.Escape(question.Text.En));
        IReadOnlyList<AdaptiveElement> heading =
        [
            new TextBlock(_text.Both(SummaryTextKeys.QuestionNumber, number) + " · " + countKey)
            {
                Size = TextSize.Small,
                IsSubtle = true,
                Wrap = true,
                Separator = true,
                Spacing = Spacing.Large,
            },
            new TextBlock(title.Th) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading, Spacing = Spacing.None },
            new TextBlock(title.En) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        ];
        IReadOnlyList<AdaptiveElement> continued =
        [
            new TextBlock(_text.Both(SummaryTextKeys.QuestionNumber, number) + " " + _text.Both(SummaryTextKeys.Continued))
            {
                Size = TextSize.Small,
                IsSubtle = true,
                Wrap = true,
                Separator = true,
                Spacing = Spacing.Large,
            },
            new TextBlock(title.Th) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.None },
        ];

        // A block must fit beside the longer of the two headings on an empty card.
        var blockCapacity = capacity - Math.Max(CardPacker.Bytes(heading), CardPacker.Bytes(continued));
        var blocks = question.AnswerCount == 0
            ? [new CardBlock([Hint(_text.Both(SummaryTextKeys.NoAnswers))])]
            : question switch
            {
                TextQuestionSummary text => TextBlocks(text, number, blockCapacity),
                ChoiceQuestionSummary choice => ChoiceBlocks(summary, choice, index, blockCapacity),
                RatingQuestionSummary rating => RatingBlocks(summary, rating, index, blockCapacity),
                DateQuestionSummary date => DateBlocks(date, blockCapacity),
                CommitmentsQuestionSummary list => CommitmentBlocks(list),
                _ => throw new InvalidOperationException($"Unknown question summary {question.GetType().Name}."),
            };
        return new CardSection(heading, continued, Fit(blocks, blockCapacity));
    }

    private List<CardBlock> TextBlocks(TextQuestionSummary question, int number, int capacity)
    {
        var blocks = IdeaBlocks(
            number.ToString(CultureInfo.InvariantCulture), SummaryTextKeys.Ideas, question.Ideas, question.NoSubstantiveAnswerCount, showNone: false, capacity);
        foreach (var answer in question.Answers)
        {
            blocks.AddRange(AnswerBlocks(Label(answer.Respondent), answer.Text, capacity));
        }
        return blocks;
    }

    /// <summary>One block per answer; an answer longer than a card holds becomes numbered pieces, cut between words.</summary>
    private IEnumerable<CardBlock> AnswerBlocks(string label, string answer, int capacity)
    {
        var whole = AnswerBlock(label, CardText.Escape(answer));
        if (whole.Bytes <= capacity)
        {
            return [whole];
        }

        var pieces = new List<string>();
        var rest = answer.AsSpan();
        while (!rest.IsEmpty)
        {
            var length = LongestFittingPrefix(label, rest, capacity);
            pieces.Add(rest[..length].ToString());
            rest = rest[length..];
        }
        return pieces.Select((piece, i) => AnswerBlock(
            label + " · " + _text.Both(SummaryTextKeys.AnswerPiece, i + 1, pieces.Count),
            CardText.Escape(piece)));
    }

    // Binary search on the prefix length, then back to the last space or line break so no word is cut in two
    // (Thai writers separate phrases with spaces); a prefix with no break at all is cut between characters.
    private int LongestFittingPrefix(string label, ReadOnlySpan<char> text, int capacity)
    {
        var widestLabel = label + " · " + _text.Both(SummaryTextKeys.AnswerPiece, 9999, 9999);
        if (CardPacker.Bytes(AnswerBlock(widestLabel, CardText.Escape(text.ToString())).Elements) <= capacity)
        {
            return text.Length;
        }
        int low = 1, high = text.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            var fits = CardPacker.Bytes(AnswerBlock(widestLabel, CardText.Escape(text[..middle].ToString())).Elements) <= capacity;
            (low, high) = fits ? (middle, high) : (low, middle - 1);
        }

        var cut = low;
        var lastBreak = text[..cut].LastIndexOfAny(' ', '\n');
        if (lastBreak > cut / 2)
        {
            cut = lastBreak + 1;
        }
        // Never split a character: step back to the start of the text element that straddles the cut.
        var safe = 0;
        while (safe < text.Length)
        {
            var next = safe + StringInfo.GetNextTextElementLength(text[safe..]);
            if (next > cut)
            {
                break;
            }
            safe = next;
        }
        return Math.Max(safe, StringInfo.GetNextTextElementLength(text));
    }

    private static CardBlock AnswerBlock(string label, string escapedAnswer) => new(
    [
        new Container(
        [
            new RichTextBlock([new TextRun(label) { Weight = TextWeight.Bolder, Size = TextSize.Small }]),
            new RichTextBlock([new TextRun(escapedAnswer)]) { Spacing = Spacing.Small },
        ])
        {
            Separator = true,
        },
    ]);

    private List<CardBlock> ChoiceBlocks(GroupSummary summary, ChoiceQuestionSummary question, int index, int capacity)
    {
        var rows = new List<AdaptiveElement>();
        foreach (var option in question.Options)
        {
            var label = option.Known
                ? new LocalizedText(CardText.Escape(option.Label.Th), CardText.Escape(option.Label.En))
                : new LocalizedText(
                    CardText.Escape(option.Value) + " (" + _text.Format(SummaryTextKeys.UnknownChoice, Language.Thai) + ")",
                    _text.Format(SummaryTextKeys.UnknownChoice, Language.English));
            rows.Add(BarRow(label, option.Count, question.AnswerCount));
        }
        var blocks = new List<CardBlock> { new(rows) };
        if (summary.Visibility == AnswerVisibility.Named)
        {
            var labels = question.Options.ToDictionary(o => o.Value, o => o.Known ? o.Label.Th : o.Value, StringComparer.Ordinal);
            blocks.AddRange(DetailPanels(index, [.. question.Answers.Select(a => (a.Respondent, string.Join(", ", a.Values.Select(v => labels[v]))))], capacity));
        }
        return blocks;
    }

    private List<CardBlock> RatingBlocks(GroupSummary summary, RatingQuestionSummary question, int index, int capacity)
    {
        var rows = new List<AdaptiveElement>
        {
            Bilingual(new LocalizedText(
                _text.Format(SummaryTextKeys.Mean, Language.Thai, Decimal(question.Mean)),
                _text.Format(SummaryTextKeys.Mean, Language.English, Decimal(question.Mean)))),
        };
        foreach (var tally in question.Distribution)
        {
            var value = tally.Value.ToString(CultureInfo.InvariantCulture);
            rows.Add(BarRow(new LocalizedText(value, ""), tally.Count, question.AnswerCount));
        }
        var blocks = new List<CardBlock> { new(rows) };
        if (summary.Visibility == AnswerVisibility.Named)
        {
            blocks.AddRange(DetailPanels(index, [.. question.Answers.Select(a => (a.Respondent, a.Value.ToString(CultureInfo.InvariantCulture)))], capacity));
        }
        return blocks;
    }

    private List<CardBlock> DateBlocks(DateQuestionSummary question, int capacity)
    {
        var blocks = new List<CardBlock>();
        foreach (var date in question.Dates)
        {
            // Long lists of names are cut into blocks of their own so one date can never outgrow a card.
            blocks.AddRange(SizedChunks(date.Respondents, capacity, (chunk, start) =>
            {
                var elements = new List<AdaptiveElement>();
                if (start == 0)
                {
                    elements.Add(new RichTextBlock(
                    [
                        new TextRun(ThaiDateFormatter.Format(date.Date, Language.Thai)) { Weight = TextWeight.Bolder },
                        new TextRun(" · " + _text.Both(SummaryTextKeys.People, date.Respondents.Count)) { IsSubtle = true },
                    ])
                    { Separator = true });
                }
                elements.Add(new RichTextBlock([new TextRun(string.Join(", ", chunk.Select(Label)))]) { Spacing = Spacing.None });
                return new CardBlock(elements);
            }));
        }
        return blocks;
    }

    private List<CardBlock> CommitmentBlocks(CommitmentsQuestionSummary question) =>
        question.Commitments.Select(c => new CardBlock(
        [
            new Container(
            [
                new RichTextBlock([new TextRun(CardText.Escape(c.Action)) { Weight = TextWeight.Bolder }]),
                Field(SummaryTextKeys.Organisation, CardText.Escape(c.Organisation)),
                Field(SummaryTextKeys.Owner, Label(c.Owner)),
                Field(SummaryTextKeys.Due, ThaiDateFormatter.Format(c.DueDate, Language.Thai)),
            ])
            {
                Separator = true,
            },
        ])).ToList();

    private RichTextBlock Field(string key, string value) => new(
    [
        new TextRun(_text.Both(key) + ": ") { IsSubtle = true },
        new TextRun(value),
    ])
    {
        Spacing = Spacing.None,
    };

    /// <summary>Who answered what, hidden until "Show each answer" is pressed (named workshops only).</summary>
    private List<CardBlock> DetailPanels(int questionIndex, IReadOnlyList<(Respondent Respondent, string Value)> lines, int capacity)
    {
        var panel = 0;
        return SizedChunks(lines, capacity, (chunk, start) =>
        {
            // The id only has to be unique on its card; numbering every candidate panel keeps it unique everywhere.
            var id = string.Create(CultureInfo.InvariantCulture, $"details-{questionIndex + 1}-{++panel}");
            var range = string.Create(CultureInfo.InvariantCulture, $" ({start + 1}–{start + chunk.Count})");
            return new CardBlock(
            [
                new ActionSet([new ToggleVisibilityAction([new TargetElement(id)]) { Title = _text.Both(SummaryTextKeys.ShowDetails) + range }]),
                new Container(chunk
                    .Select(line => (AdaptiveElement)new RichTextBlock(
                    [
                        new TextRun(Label(line.Respondent) + ": ") { Weight = TextWeight.Bolder },
                        new TextRun(CardText.Escape(line.Value)),
                    ]))
                    .ToList())
                {
                    Id = id,
                    IsVisible = false,
                },
            ]);
        });
    }

    /// <summary>
    /// Cuts a list into blocks as long as fit a card (and at most <see cref="SummaryCardOptions.DetailLinesPerPanel"/>
    /// items), rendering each candidate chunk to measure it. An item too big even alone becomes a block of its own,
    /// which the packer then refuses loudly rather than cutting.
    /// </summary>
    private List<CardBlock> SizedChunks<T>(IReadOnlyList<T> items, int capacity, Func<IReadOnlyList<T>, int, CardBlock> render)
    {
        var blocks = new List<CardBlock>();
        var start = 0;
        while (start < items.Count)
        {
            var count = 1;
            var block = render(Slice(items, start, count), start);
            while (start + count < items.Count && count < _options.DetailLinesPerPanel)
            {
                var bigger = render(Slice(items, start, count + 1), start);
                if (bigger.Bytes > capacity)
                {
                    break;
                }
                block = bigger;
                count++;
            }
            blocks.Add(block);
            start += count;
        }
        return blocks;
    }

    private static List<T> Slice<T>(IReadOnlyList<T> items, int start, int count) => items.Skip(start).Take(count).ToList();

    /// <summary>
    /// Splits any block that would not fit an empty card into consecutive runs of its elements, each fitting. Only
    /// long lists (many options, many ideas) ever need it, and only under small budgets.
    /// </summary>
    private static List<CardBlock> Fit(IEnumerable<CardBlock> blocks, int capacity)
    {
        var fitted = new List<CardBlock>();
        foreach (var block in blocks)
        {
            if (block.Bytes <= capacity)
            {
                fitted.Add(block);
                continue;
            }
            var run = new List<AdaptiveElement>();
            var used = 0;
            foreach (var element in block.Elements)
            {
                var bytes = CardPacker.Bytes(element);
                if (run.Count > 0 && used + bytes > capacity)
                {
                    fitted.Add(new CardBlock(run));
                    run = [];
                    used = 0;
                }
                run.Add(element);
                used += bytes;
            }
            fitted.Add(new CardBlock(run));
        }
        return fitted;
    }

    /// <summary>
    /// The ideas of the group or of one question: a heading (with "none yet" and the count of answers that said nothing,
    /// where there are any), then one block per idea so its toggle and its first panel of answers share a card.
    /// </summary>
    private List<CardBlock> IdeaBlocks(string scope, string headingKey, IReadOnlyList<IdeaSummary> ideas, int silent, bool showNone, int capacity)
    {
        var blocks = new List<CardBlock>();
        if (ideas.Count == 0 && !showNone && silent == 0)
        {
            return blocks;
        }
        var heading = new List<AdaptiveElement>
        {
            new TextBlock(_text.Both(headingKey)) { Weight = TextWeight.Bolder, Size = TextSize.Small, Wrap = true, Spacing = Spacing.Medium },
        };
        if (ideas.Count == 0)
        {
            heading.Add(Hint(_text.Both(SummaryTextKeys.NoIdeas)));
        }
        if (silent > 0)
        {
            heading.Add(Hint(_text.Both(SummaryTextKeys.NoSubstantive, silent)));
        }
        blocks.Add(new CardBlock(heading));
        var shown = ideas.Take(_options.MaxIdeasShown).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            blocks.AddRange(IdeaBlock(scope, i, shown[i], capacity));
        }
        return blocks;
    }

    /// <summary>
    /// One idea: label and people, its quotes, and its answers behind a toggle; long lists continue in further toggles
    /// (each with the range it shows), and past <see cref="SummaryCardOptions.MaxIdeaAnswersShown"/> a line says how
    /// many more there are (every answer is listed under its question anyway).
    /// </summary>
    private List<CardBlock> IdeaBlock(string scope, int index, IdeaSummary idea, int capacity)
    {
        var shown = Math.Min(idea.Answers.Count, _options.MaxIdeaAnswersShown);
        var more = idea.Answers.Count - shown;
        var split = shown > _options.DetailLinesPerPanel;
        // Each answer's line is built and measured once; a panel's size is its frame plus its lines (a line adds its
        // own JSON and a comma), so panels are filled without serializing them over and over. The result is checked.
        var lines = idea.Answers.Take(shown).Select(answer => (AdaptiveElement)new RichTextBlock(
        [
            new TextRun(Label(answer.Respondent) + ": ") { Weight = TextWeight.Bolder, Size = TextSize.Small },
            new TextRun(CardText.Escape(answer.Text)) { Size = TextSize.Small },
        ])).ToList();
        var lineBytes = lines.Select(CardPacker.Bytes).ToList();

        var blocks = new List<CardBlock>();
        var start = 0;
        do
        {
            var frameBytes = IdeaPanel(scope, index, idea, blocks.Count + 1, start, 0, [], more > 0, split).Bytes;
            var count = 0;
            var used = frameBytes;
            while (start + count < shown && count < _options.DetailLinesPerPanel
                && (count == 0 || used + lineBytes[start + count] <= capacity))
            {
                used += lineBytes[start + count];
                count++;
            }
            var block = IdeaPanel(scope, index, idea, blocks.Count + 1, start, count, lines, more > 0 && start + count == shown, split);
            while (block.Bytes > capacity && count > 1)
            {
                count--;
                block = IdeaPanel(scope, index, idea, blocks.Count + 1, start, count, lines, more > 0 && start + count == shown, split);
            }
            blocks.Add(block);
            start += count;
        }
        while (start < shown);
        return blocks;

        CardBlock IdeaPanel(string scope, int index, IdeaSummary idea, int panel, int start, int count, List<AdaptiveElement> lines, bool last, bool split)
        {
            var elements = new List<AdaptiveElement>();
            if (start == 0)
            {
                elements.Add(new RichTextBlock(
                [
                    new TextRun("• " + CardText.Escape(idea.Label)) { Weight = TextWeight.Bolder },
                    new TextRun(" · " + _text.Both(SummaryTextKeys.People, idea.ParticipantCount)) { IsSubtle = true },
                ])
                {
                    Spacing = Spacing.Small,
                });
                foreach (var quote in idea.Quotes)
                {
                    elements.Add(new RichTextBlock(
                    [
                        new TextRun("“" + CardText.Escape(quote.Text) + "” — " + Label(quote.Respondent)) { IsSubtle = true, Italic = true, Size = TextSize.Small },
                    ])
                    {
                        Spacing = Spacing.None,
                    });
                }
            }
            // Unique on the card (ids are numbered by scope, idea and panel); the toggle sits beside its panel.
            var id = string.Create(CultureInfo.InvariantCulture, $"idea-{scope}-{index + 1}-{panel}");
            // Measured with the widest range the panel can show, so the real one only makes it smaller.
            var range = split ? string.Create(CultureInfo.InvariantCulture, $" ({start + 1}–{start + Math.Max(count, _options.DetailLinesPerPanel)})") : "";
            if (split && count > 0)
            {
                range = string.Create(CultureInfo.InvariantCulture, $" ({start + 1}–{start + count})");
            }
            var items = new List<AdaptiveElement>
            {
                new TextBlock(_text.Both(SummaryTextKeys.IdeaAnswersHeading)) { Size = TextSize.Small, IsSubtle = true, Wrap = true },
            };
            items.AddRange(lines.Skip(start).Take(count));
            if (last)
            {
                items.Add(Hint(_text.Both(SummaryTextKeys.IdeaMore, idea.Answers.Count - _options.MaxIdeaAnswersShown)));
            }
            elements.Add(new ActionSet([new ToggleVisibilityAction([new TargetElement(id)]) { Title = _text.Both(SummaryTextKeys.IdeaAnswers, idea.Answers.Count) + range }]));
            elements.Add(new Container(items) { Id = id, IsVisible = false, Spacing = Spacing.None });
            return new CardBlock(elements);
        }
    }

    private static ColumnSet BarRow(LocalizedText label, int count, int of)
    {
        var filled = of == 0 ? 0 : (int)Math.Round((double)BarWidth * count / of, MidpointRounding.AwayFromZero);
        var percent = of == 0 ? 0 : (int)Math.Round(100.0 * count / of, MidpointRounding.AwayFromZero);
        var labelItems = new List<AdaptiveElement> { new TextBlock(label.Th) { Wrap = true } };
        if (label.En.Length > 0)
        {
            labelItems.Add(new TextBlock(label.En) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None });
        }
        return new ColumnSet(
        [
            new Column(labelItems) { Width = "stretch" },
            new Column([new TextBlock(string.Concat(Enumerable.Repeat(FullBar, filled)) + string.Concat(Enumerable.Repeat(EmptyBar, BarWidth - filled))) { Color = TextColor.Accent }])
            {
                Width = "auto",
                VerticalContentAlignment = VerticalAlignment.Center,
            },
            new Column([new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{count} · {percent}%"))])
            {
                Width = "auto",
                VerticalContentAlignment = VerticalAlignment.Center,
            },
        ])
        {
            Spacing = Spacing.Small,
        };
    }

    private string Label(Respondent respondent) =>
        respondent.Name is { } name ? CardText.Escape(name) : _text.Both(SummaryTextKeys.Respondent, respondent.Number);

    private static string Decimal(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";

    private static TextBlock Hint(string text) => new(text) { IsSubtle = true, Wrap = true };

    private static Container Bilingual(LocalizedText text) => new(BilingualLines(text));

    private static List<AdaptiveElement> BilingualLines(LocalizedText text) =>
    [
        new TextBlock(text.Th) { Wrap = true },
        new TextBlock(text.En) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
    ];
}
