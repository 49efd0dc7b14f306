using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>
/// The facilitator's follow-up view: counts by state, then each partner's commitments with their state (needs help,
/// not delivered, overdue, no answer, in progress, not started, done), due date in both eras, the latest note and the
/// latest reminder's fate, in both languages (the model's first, the other under it) since a channel reads either;
/// partners are named as the group summary numbers them. Split into pages that each stay under the card budget
/// (UTF-16 bytes, as Teams counts), each refreshable on its own with Action.Execute.
/// </summary>
internal static class FollowUpViewCard
{
    public const int MaxRefreshUsers = 60;
    private const int PreviewLength = 140;

    private static readonly TextCatalog T = ReminderText.Default;

    public static IReadOnlyList<AdaptiveCard> Build(FollowUpViewModel model, int maxBytes = CardBudget.MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = Rows(model).ToList();
        if (rows.Count == 0)
        {
            return [Page(model, [new TextBlock(T.Get("view.empty", model.Language)) { Wrap = true, IsSubtle = true }], 1, 1, rows)];
        }

        // Pack rows greedily by their measured size, then check each page for real and move rows on if one is over.
        var emptyPage = Measure(Page(model, [], 99, 99, rows));
        var pages = new List<List<Row>>();
        var current = new List<Row>();
        var size = emptyPage;
        foreach (var row in rows)
        {
            var rowSize = Measure(Page(model, Blocks(model, [row]), 99, 99, rows)) - emptyPage + 2;
            if (current.Count > 0 && size + rowSize > maxBytes)
            {
                pages.Add(current);
                current = [];
                size = emptyPage;
            }

            current.Add(row);
            size += rowSize;
        }

        pages.Add(current);
        for (var i = 0; i < pages.Count; i++)
        {
            while (pages[i].Count > 1 && Measure(Page(model, Blocks(model, pages[i]), i + 1, Math.Max(pages.Count, 99), rows)) > maxBytes)
            {
                if (i + 1 == pages.Count)
                {
                    pages.Add([]);
                }

                pages[i + 1].Insert(0, pages[i][^1]);
                pages[i].RemoveAt(pages[i].Count - 1);
            }
        }

        return [.. pages.Select((page, i) => Page(model, Blocks(model, page), i + 1, pages.Count, rows))];
    }

    /// <summary>Commitments most in need of attention first; a partner's commitments stay together.</summary>
    private static IEnumerable<Row> Rows(FollowUpViewModel model)
    {
        var partners = model.Partners
            .Select((partner, index) => (Partner: partner, Number: index + 1, Commitments: partner.Commitments
                .Select(c => (Commitment: c, State: FollowUpStates.Of(c, model.Today)))
                .OrderBy(c => c.State).ThenBy(c => c.Commitment.DueDate).ToList()))
            .Where(p => p.Commitments.Count > 0)
            .OrderBy(p => p.Commitments.Min(c => c.State))
            .ThenBy(p => p.Partner.DisplayName ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.Number);
        foreach (var (partner, number, commitments) in partners)
        {
            foreach (var (commitment, state) in commitments)
            {
                yield return new Row(partner, number, commitment, state);
            }
        }
    }

    private static List<AdaptiveElement> Blocks(FollowUpViewModel model, IReadOnlyList<Row> rows)
    {
        var blocks = new List<AdaptiveElement>();
        PartnerFollowUp? shown = null;
        foreach (var row in rows)
        {
            var items = new List<AdaptiveElement>();
            if (!ReferenceEquals(shown, row.Partner))
            {
                shown = row.Partner;
                var label = Label(model, row);
                var runs = new List<TextRun> { new(label.In(model.Language)) { Weight = TextWeight.Bolder } };
                if (label.Other(model.Language) is var other && other != label.In(model.Language))
                {
                    runs.Add(new TextRun(" / " + other) { IsSubtle = true });
                }

                if (row.Partner.OptedOut)
                {
                    runs.Add(new TextRun(" · " + Two(model.Language, "view.optedOut")) { IsSubtle = true });
                }

                items.Add(new RichTextBlock(runs) { Separator = true, Spacing = Spacing.Medium });
            }

            items.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock(T.Get(row.State.TextKey(), model.Language)) { Weight = TextWeight.Bolder, Color = Color(row.State), Wrap = true },
                    new TextBlock(T[row.State.TextKey()].Other(model.Language)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
                ]) { Width = "100px" },
                new Column([new RichTextBlock([new TextRun(CardText.Truncate(row.Commitment.Action, PreviewLength))])]) { Width = "stretch" },
            ]) { Spacing = Spacing.Small });
            items.Add(new TextBlock(Details(model, row)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None });
            if (row.Commitment.Notes.LastOrDefault(n => n.Text is { Length: > 0 }) is { Text: { } note })
            {
                items.Add(new RichTextBlock([new TextRun("“" + CardText.Truncate(note, PreviewLength) + "”") { Size = TextSize.Small, Italic = true }]) { Spacing = Spacing.None });
            }

            blocks.Add(new Container(items));
        }

        return blocks;
    }

    private static string Details(FollowUpViewModel model, Row row)
    {
        var language = model.Language;
        var c = row.Commitment;
        var parts = new List<string>
        {
            CardText.Escape(CardText.Truncate(c.Organisation, 60)),
            Two(language, "fact.due") + " " + ThaiDateFormatter.FormatShort(c.DueDate, language),
        };
        if (c.LastReminder is { } last)
        {
            parts.Add(last.Outcome == DeliveryOutcome.Failed
                ? T.Format("view.deliveryFailed", language, last.Reason ?? "?") + " / " + T.Format("view.deliveryFailed", Other(language), last.Reason ?? "?")
                : Two(language, "view.lastReminder") + " " + ThaiDateFormatter.FormatShort(DateOnly.FromDateTime(BangkokTime.ToLocal(last.At).DateTime), language));
        }

        return string.Join(" · ", parts);
    }

    private static TextColor Color(FollowUpState state) => state switch
    {
        FollowUpState.NeedsHelp or FollowUpState.NotDelivered or FollowUpState.Overdue => TextColor.Attention,
        FollowUpState.NoAnswer => TextColor.Warning,
        FollowUpState.Done => TextColor.Good,
        _ => TextColor.Default,
    };

    private static AdaptiveCard Page(FollowUpViewModel model, IReadOnlyList<AdaptiveElement> rows, int page, int pages, IReadOnlyList<Row> all)
    {
        var language = model.Language;
        var counts = all.CountBy(r => r.State).ToDictionary(p => p.Key, p => p.Value);
        int Count(FollowUpState state) => counts.GetValueOrDefault(state);
        var other = Other(language);
        object[] summary = [all.Count, Count(FollowUpState.Done), Count(FollowUpState.InProgress),
            Count(FollowUpState.Overdue), Count(FollowUpState.NeedsHelp), Count(FollowUpState.NoAnswer), Count(FollowUpState.NotDelivered)];
        var title = model.WorkshopTitle is { Length: > 0 } workshopTitle ? workshopTitle : model.WorkshopId;
        var body = new List<AdaptiveElement>
        {
            new TextBlock(Two(language, "reminder.caption") + " · " + CardText.Escape(title)) { Size = TextSize.Small, IsSubtle = true, Wrap = true },
            new TextBlock(T.Get("view.title", language)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(T["view.title"].Other(language)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock(T.Format("view.summary", language, summary)) { Wrap = true },
            new TextBlock(T.Format("view.summary", other, summary)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        };
        body.AddRange(FollowUpPlanText.NextReminderLines(model.Plan, model.Forecast, language));
        body.Add(new TextBlock(T.Format("view.updated", language, ThaiDateFormatter.FormatDateTime(model.Now, language))
            + (pages > 1 ? " · " + T.Format("view.page", language, page, pages) : "")
            + " / " + T.Format("view.updated", other, ThaiDateFormatter.FormatDateTime(model.Now, other))
            + (pages > 1 ? " · " + T.Format("view.page", other, page, pages) : "")) { Size = TextSize.Small, IsSubtle = true, Wrap = true });
        if (model.Plan?.IsClosed == true)
        {
            body.Add(new TextBlock(Two(language, "view.closed")) { Color = TextColor.Warning, Wrap = true });
        }

        body.AddRange(rows);
        body.Add(new TextBlock(T.Get("view.help", language)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Separator = true });
        body.Add(new TextBlock(T.Get("view.help", other)) { Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None });
        var workshop = new FollowUpPlanData { WorkshopId = model.WorkshopId };
        var refresh = ExecuteAction.WithSubmitFallback(
            Two(language, "view.refresh"), ReminderCardVerbs.ViewRefresh, new FollowUpViewData { WorkshopId = model.WorkshopId, Page = page });
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                refresh,
                ExecuteAction.WithSubmitFallback(Two(language, "action.editPlan"), FollowUpPlanVerbs.EditPlan, workshop),
                ExecuteAction.WithSubmitFallback(Two(language, "action.preview"), FollowUpPlanVerbs.Preview, workshop),
            ],
            Refresh = new CardRefresh(refresh) { UserIds = [.. model.RefreshUserIds.Take(MaxRefreshUsers)] },
            FallbackText = Two(language, "view.title"),
            MsTeams = TeamsCardProperties.FullWidth,
        };
    }

    private static int Measure(AdaptiveCard card) => CardBudget.Measure(card);

    private static Language Other(Language language) => language == Language.Thai ? Language.English : Language.Thai;

    /// <summary>"กำหนดเสร็จ / Due": the first language, then the other.</summary>
    private static string Two(Language first, string key) => T.Get(key, first) + " / " + T.Get(key, Other(first));

    private static LocalizedText Label(FollowUpViewModel model, Row row) =>
        model.Labels?.GetValueOrDefault(row.Partner.UserKey)
        ?? (row.Partner.DisplayName is { Length: > 0 } displayName && model.Labels is null
            ? new LocalizedText(displayName, displayName)
            : T.Localized("view.unnamed", row.Number));

    private sealed record Row(PartnerFollowUp Partner, int Number, FollowUpCommitment Commitment, FollowUpState State);
}
