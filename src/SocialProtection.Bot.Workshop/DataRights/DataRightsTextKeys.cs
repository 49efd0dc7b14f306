using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>The keys of Localization/data-rights-text.json.</summary>
internal static class DataRightsTextKeys
{
    public const string EraseCardCaption = "erase.card.caption";
    public const string EraseCardTitle = "erase.card.title";
    public const string EraseCardBody = "erase.card.body";
    public const string EraseCardConfirm = "erase.card.confirm";
    public const string EraseCardCancel = "erase.card.cancel";
    public const string EraseCardFallback = "erase.card.fallback";
    public const string EraseDone = "erase.done";
    public const string EraseNothing = "erase.nothing";
    public const string EraseCancelled = "erase.cancelled";
    public const string EraseTryAgain = "erase.tryAgain";
    public const string EraseOtherDone = "erase.other.done";
    public const string EraseOtherNothing = "erase.other.nothing";
    public const string EraseOtherNotFacilitator = "erase.other.notFacilitator";
    public const string EraseOtherNoTarget = "erase.other.noTarget";
    public const string EraseOtherNoWorkshop = "erase.other.noWorkshop";
    public const string EraseOtherTooMany = "erase.other.tooMany";
    public const string DownloadExpired = "download.expired";
    public const string DownloadNotFound = "download.notFound";
    public const string DownloadForbidden = "download.forbidden";
    public const string DownloadUnavailable = "download.unavailable";
    public const string DownloadDamaged = "download.damaged";
    public const string ExportParticipant = "export.participant";
    public const string ColumnParticipant = "export.column.participant";
    public const string ColumnGroup = "export.column.group";
    public const string ColumnQuestionId = "export.column.questionId";
    public const string ColumnQuestion = "export.column.question";
    public const string ColumnKind = "export.column.kind";
    public const string ColumnAnswer = "export.column.answer";
    public const string ColumnOrganisation = "export.column.organisation";
    public const string ColumnDue = "export.column.due";
    public const string ColumnDateIso = "export.column.dateIso";
    public const string ColumnFollowUp = "export.column.followUp";
    public const string ColumnAnsweredAt = "export.column.answeredAt";
    public const string ExportSkipped = "export.skipped";
    public const string StatusNotStarted = "status.notStarted";
    public const string StatusInProgress = "status.inProgress";
    public const string StatusDone = "status.done";
    public const string StatusNeedHelp = "status.needHelp";
}
