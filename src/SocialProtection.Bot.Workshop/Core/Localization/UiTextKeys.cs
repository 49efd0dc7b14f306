using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Localization;

/// <summary>The keys of Localization/ui-text.json. A test checks that each exists in both languages and that every entry is used.</summary>
internal static class UiTextKeys
{
    public const string Help = "help";
    public const string Intro = "intro";
    public const string TryAgain = "tryAgain";
    public const string RecordDamaged = "recordDamaged";
    public const string FallbackText = "fallbackText";

    public const string StatusNotStarted = "status.notStarted";
    public const string StatusInProgress = "status.inProgress";
    public const string StatusPaused = "status.paused";
    public const string StatusSubmitted = "status.submitted";

    public const string ErrorRequired = "error.required";
    public const string ErrorTooLong = "error.tooLong";
    public const string ErrorChoice = "error.choice";
    public const string ErrorRating = "error.rating";
    public const string ErrorDate = "error.date";
    public const string ErrorDateInPast = "error.dateInPast";
    public const string ErrorDateNoSuchDay = "error.dateNoSuchDay";
    public const string ErrorNeedCommitment = "error.needCommitment";
    public const string ErrorTooManyCommitments = "error.tooManyCommitments";
    public const string ErrorNoSuchCommitment = "error.noSuchCommitment";
    public const string ErrorCannotSkip = "error.cannotSkip";
    public const string ErrorInvalidCard = "error.invalidCard";

    /// <summary>Any press whose data is not what the bot's card wrote (refused by the router, before any handler).</summary>
    public const string ErrorCardData = "error.cardData";

    /// <summary>A press with a verb the bot has no route for.</summary>
    public const string ErrorUnknownCard = "error.unknownCard";
    public const string ErrorEditRange = "error.editRange";
    public const string ErrorMissingRequired = "error.missingRequired";

    public const string NoticeNotAvailable = "notice.notAvailable";
    public const string NoticeSaved = "notice.saved";
    public const string NoticeSkipped = "notice.skipped";
    public const string NoticeCommitmentSaved = "notice.commitmentSaved";
    public const string NoticeCommitmentRemoved = "notice.commitmentRemoved";
    public const string NoticeFirstQuestion = "notice.firstQuestion";
    public const string NoticeReviewTypedHint = "notice.reviewTypedHint";
    public const string NoticePausedHint = "notice.pausedHint";
    public const string NoticeSubmittedHint = "notice.submittedHint";
    public const string NoticeAlreadySubmitted = "notice.alreadySubmitted";
    public const string NoticeResumed = "notice.resumed";
    public const string NoticeNothingToReview = "notice.nothingToReview";
    public const string NoticeLanguageChanged = "notice.languageChanged";
    public const string NoticeNothingToCancel = "notice.nothingToCancel";
    public const string NoticeStaleCard = "notice.staleCard";

    public const string CardProgress = "card.progress";
    public const string CardRequired = "card.required";
    public const string CardOptional = "card.optional";
    public const string CardAnswerLabel = "card.answerLabel";
    public const string CardChoicePlaceholder = "card.choicePlaceholder";
    public const string CardTypeHint = "card.typeHint";
    public const string CardLengthHint = "card.lengthHint";
    public const string CardRatingValue = "card.ratingValue";
    public const string CardAnswered = "card.answered";
    public const string CardSkipped = "card.skipped";
    public const string CardNotAnswered = "card.notAnswered";

    public const string ActionSaveAnswer = "action.saveAnswer";
    public const string ActionBack = "action.back";
    public const string ActionSkip = "action.skip";
    public const string ActionLater = "action.later";
    public const string ActionEdit = "action.edit";
    public const string ActionContinue = "action.continue";
    public const string ActionStart = "action.start";
    public const string ActionSubmit = "action.submit";
    public const string ActionReview = "action.review";
    public const string ActionAddCommitment = "action.addCommitment";
    public const string ActionEditCommitment = "action.editCommitment";
    public const string ActionRemoveCommitment = "action.removeCommitment";
    public const string ActionConfirmRemove = "action.confirmRemove";
    public const string ActionCommitmentsDone = "action.commitmentsDone";
    public const string ActionAddAnotherCommitment = "action.addAnotherCommitment";
    public const string ActionFinishCommitments = "action.finishCommitments";
    public const string CommitmentNewHeading = "commitment.newHeading";
    public const string ErrorCommitmentIncomplete = "error.commitmentIncomplete";
    public const string ActionCancel = "action.cancel";
    public const string ActionNext = "action.next";
    public const string ActionOtherLanguage = "action.otherLanguage";

    public const string CommitmentPromptAction = "commitment.promptAction";
    public const string CommitmentPromptOrganisation = "commitment.promptOrganisation";
    public const string CommitmentPromptDueDate = "commitment.promptDueDate";
    public const string CommitmentStepProgress = "commitment.stepProgress";
    public const string CommitmentDateHelp = "commitment.dateHelp";
    public const string CommitmentEmpty = "commitment.empty";
    public const string CommitmentCount = "commitment.count";
    public const string CommitmentResponsible = "commitment.responsible";
    public const string CommitmentDue = "commitment.due";
    public const string CommitmentConfirmRemove = "commitment.confirmRemove";

    public const string ReviewTitle = "review.title";
    public const string ReviewPart = "review.part";
    public const string ReviewMissing = "review.missing";
    public const string ReviewReady = "review.ready";

    public const string PausedTitle = "paused.title";
    public const string PausedBody = "paused.body";
    public const string SubmittedTitle = "submitted.title";
    public const string SubmittedBody = "submitted.body";
    public const string WelcomeTitle = "welcome.title";
    public const string WelcomeBody = "welcome.body";
    public const string WorkshopClosed = "workshopClosed";
}
