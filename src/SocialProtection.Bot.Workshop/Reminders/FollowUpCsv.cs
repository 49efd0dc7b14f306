using System.Globalization;
using System.Text;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Exports;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// The follow-up part of the workshop export: one row per commitment with its reported status, the facilitator's
/// follow-up state and the latest reminder's fate. UTF-8 with a byte-order mark (Excel then reads Thai correctly),
/// CRLF line ends, RFC 4180 quoting and the formula-injection guard of the other CSV exports; headers in Thai and English.
/// </summary>
internal static class FollowUpCsv
{
    private static readonly TextCatalog T = ReminderText.Default;

    public static ReportFile ToFile(string workshopId, IEnumerable<PartnerFollowUp> partners, DateOnly today)
    {
        var safeId = new string([.. workshopId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return new ReportFile($"follow-up-{safeId}.csv", "text/csv; charset=utf-8", new BinaryData(Render(workshopId, partners, today)));
    }

    /// <summary>The file's bytes, byte-order mark first.</summary>
    public static byte[] Render(string workshopId, IEnumerable<PartnerFollowUp> partners, DateOnly today)
    {
        var text = RenderText(workshopId, partners, today);
        var preamble = Encoding.UTF8.GetPreamble();
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(text)];
        preamble.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, preamble.Length);
        return bytes;
    }

    /// <summary>The CSV text without the byte-order mark.</summary>
    public static string RenderText(string workshopId, IEnumerable<PartnerFollowUp> partners, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(workshopId);
        ArgumentNullException.ThrowIfNull(partners);
        var csv = new StringBuilder();
        Row(csv, Both("csv.workshop"), Both("csv.partner"), Both("csv.commitmentId"), Both("csv.action"), Both("csv.organisation"),
            Both("csv.owner"), Both("csv.due"), Both("csv.dueIso"), Both("csv.status"), Both("csv.followUp"), Both("csv.lastNote"),
            Both("csv.lastUpdate"), Both("csv.lastReminder"), Both("csv.delivery"), Both("csv.optedOut"));
        var number = 0;
        foreach (var partner in partners)
        {
            number++;
            var name = partner.DisplayName ?? T.Format("view.unnamed", Language.Thai, number);
            foreach (var c in partner.Commitments)
            {
                var state = FollowUpStates.Of(c, today);
                var note = c.Notes.LastOrDefault(n => n.Text is { Length: > 0 })?.Text ?? "";
                var delivery = c.LastReminder is { } r
                    ? (r.Outcome == DeliveryOutcome.Sent ? Both("delivery.sent") : Both("delivery.failed") + (r.Reason is { } reason ? " (" + reason + ")" : ""))
                    : "";
                Row(csv,
                    workshopId,
                    name,
                    c.Id,
                    c.Action,
                    c.Organisation,
                    c.OwnerName ?? "",
                    ThaiDateFormatter.FormatShort(c.DueDate, Language.Thai),
                    c.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Status(c.Status),
                    Both(state.TextKey()),
                    note,
                    c.StatusChangedAt is { } changed ? Instant(changed) : "",
                    c.LastReminder is { } last ? Instant(last.At) : "",
                    delivery,
                    partner.OptedOut ? Both("csv.yes") : Both("csv.no"));
            }
        }

        return csv.ToString();
    }

    private static string Status(CommitmentStatus status) => ReminderCard.StatusText(status, Language.Thai) + " / " + ReminderCard.StatusText(status, Language.English);

    // ISO 8601 on the Bangkok clock, which spreadsheets sort and read.
    private static string Instant(DateTimeOffset instant) => BangkokTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Both(string key) => T.Get(key, Language.Thai) + " / " + T.Get(key, Language.English);

    private static void Row(StringBuilder csv, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            CsvCell.Append(csv, cells[i]);
        }

        csv.Append("\r\n");
    }
}
