using System.Globalization;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;

namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>The words every report renderer shares, so the three formats read alike. Returns plain text, unescaped.</summary>
internal sealed class ReportWording(TextCatalog text)
{
    public TextCatalog Text { get; } = text;

    /// <summary>"2. ข้อสังเกต / Observations".</summary>
    public string Heading(string number, string key) => number + " " + Text.Both(key);

    public string Both(string key, params object[] args) => Text.Both(key, args);

    public string Respondent(Respondent respondent) =>
        respondent.Name ?? Text.Both(SummaryTextKeys.Respondent, respondent.Number);

    public static string Group(string groupId, string? groupName) => groupName ?? groupId;

    /// <summary>Both eras: "31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026)".</summary>
    public static string Date(DateOnly date) => ThaiDateFormatter.Format(date, Language.Thai);

    public static string DateEnglish(DateOnly date) => ThaiDateFormatter.Format(date, Language.English);

    /// <summary>"จัดทำเมื่อ … / Generated …", each with its own language's date and time (Bangkok clock).</summary>
    public string GeneratedAt(DateTimeOffset instant) =>
        Text.Format(SummaryTextKeys.ReportGeneratedAt, Language.Thai, ThaiDateFormatter.FormatDateTime(instant, Language.Thai))
        + " / " + Text.Format(SummaryTextKeys.ReportGeneratedAt, Language.English, ThaiDateFormatter.FormatDateTime(instant, Language.English));

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FileName(WorkshopReport report, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"workshop-report-{report.WorkshopDate:yyyy-MM-dd}.{extension}");
}
