using System.Globalization;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>
/// The Word report's words in one language: Thai with Thai digits in everything the bot writes (section numbers,
/// counts, dates: "๓ ธันวาคม พ.ศ. ๒๕๖๙"), as the ministry's reports are written; English with ASCII digits. What
/// participants wrote is never changed (digits in answers stay as typed).
/// </summary>
internal sealed class DocxWords(Language language, TextCatalog summary, TextCatalog document)
{
    public Language Language { get; } = language;

    public bool IsThai => Language == Language.Thai;

    public string Number(int value) => Digits(value.ToString(CultureInfo.InvariantCulture));

    public string Decimal(decimal value, string format) => Digits(value.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>A section number: "๓.๑.๑" in Thai, "3.1.1" in English.</summary>
    public string Section(params int[] parts) => string.Join('.', parts.Select(Number));

    /// <summary>A text of summary-text.json (the words every report shares).</summary>
    public string Summary(string key, params object[] args) => summary.Format(key, Language, args);

    /// <summary>A text of report-document-text.json (the Word report's own words).</summary>
    public string Doc(string key, params object[] args) => document.Format(key, Language, args);

    public string In(LocalizedText text) => text.In(Language);

    /// <summary>Both eras: "๓ ธันวาคม พ.ศ. ๒๕๖๙ (ค.ศ. ๒๐๒๖)"; "3 December 2026 (B.E. 2569)".</summary>
    public string Date(DateOnly date) => Digits(ThaiDateFormatter.Format(date, Language));

    public string DateTime(DateTimeOffset instant) => Digits(ThaiDateFormatter.FormatDateTime(instant, Language));

    /// <summary>The name in named workshops, else the summary's number ("ผู้เข้าร่วม ๓").</summary>
    public string Respondent(Respondent respondent) =>
        respondent.Name ?? Summary(SummaryTextKeys.Respondent, Number(respondent.Number));

    public static string Group(string groupId, string? groupName) => groupName ?? groupId;

    /// <summary>"กลุ่ม g1" for a group named by its id, but "กลุ่ม 1" as it is when its name already says so.</summary>
    public string GroupTitle(string groupId, string? groupName)
    {
        var name = Group(groupId, groupName);
        var word = Summary(SummaryTextKeys.ReportGroup);
        return name.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? name : word + " " + name;
    }

    /// <summary>The short date for table cells: "๑ มี.ค. ๒๕๗๐ (๒๐๒๗)"; "1 Mar 2027 (BE 2570)".</summary>
    public string ShortDate(DateOnly date) => Digits(ThaiDateFormatter.FormatShort(date, Language));

    private string Digits(string text) => IsThai ? ThaiDigits.FromAscii(text) : text;
}
