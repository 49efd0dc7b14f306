namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>The keys of report-document-text.json: the words only the Word report uses.</summary>
internal static class ReportDocumentTextKeys
{
    public const string DateLine = "doc.dateLine";
    public const string GroupsLine = "doc.groupsLine";
    public const string PeopleLine = "doc.peopleLine";
    public const string Participation = "doc.participation";
    public const string Policy = "doc.policy";
    public const string FromQuestion = "doc.fromQuestion";
    public const string IdeaPeople = "doc.ideaPeople";
    public const string NoIdeas = "doc.noIdeas";
    public const string NoTopicAnswers = "doc.noTopicAnswers";
    public const string GroupIdeas = "doc.groupIdeas";
    public const string Rank = "doc.rank";
    public const string Number = "doc.number";
    public const string Option = "doc.option";
    public const string Count = "doc.count";
    public const string Share = "doc.share";
    public const string Rating = "doc.rating";
    public const string Mean = "doc.mean";
    public const string Results = "doc.results";
    public const string ChartAlt = "doc.chartAlt";
    public const string ChartCaption = "doc.chartCaption";
    public const string TableCaption = "doc.tableCaption";
    public const string Appendix = "doc.appendix";
    public const string AppendixNoteAnonymous = "doc.appendixNoteAnonymous";
    public const string AppendixNoteNamed = "doc.appendixNoteNamed";
    public const string NoAnswersYet = "doc.noAnswersYet";
    public const string Voters = "doc.voters";
    public const string Page = "doc.page";
    public const string Who = "doc.who";
    public const string What = "doc.what";
    public const string ByWhen = "doc.byWhen";
    public const string RankingChart = "doc.rankingChart";
}
