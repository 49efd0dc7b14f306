using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Diagnostics;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Users;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Reports.Docx;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Cards;
using SocialProtection.Bot.Workshop.Summaries.Voting;

namespace SocialProtection.Bot.Workshop;

public static class WorkshopBotServiceCollectionExtensions
{
    /// <summary>The Data Protection application name: every instance must use the same one to read each other's links.</summary>
    public const string DataProtectionApplicationName = "SocialProtection.Bot";

    /// <summary>
    /// The whole workshop bot: every options class bound once and validated at start, every service registered once,
    /// and the one <see cref="IActivityHandler"/> built from <see cref="WorkshopRoutes"/>. Needs an
    /// <see cref="IObjectStore"/> (AddObjectStore) and the protocol services (AddBotProtocol: IConnectorClient,
    /// IProactiveMessenger). Tests replace a service by registering their own after this call.
    /// </summary>
    public static IServiceCollection AddWorkshopBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        BindOptions(services, configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<WorkshopMetrics>();
        services.AddSingleton(provider => new JsonObjectStore(provider.GetRequiredService<IObjectStore>()));

        // Core: question kinds (the built-in ones, then any QuestionKind registered), question sets, workshops and who facilitates them.
        services.AddSingleton(provider => new QuestionKinds([.. QuestionKinds.BuiltIn.All, .. provider.GetServices<QuestionKind>()]));
        services.AddSingleton<IQuestionSetProvider, ConfiguredQuestionSetProvider>();
        services.AddSingleton<QuestionSetCatalog>();
        services.AddSingleton<WorkshopStore>();
        services.AddSingleton<FacilitatorRoles>();
        services.AddSingleton<TeamFacilitators>();
        // What is kept per person (their workshop, language and personal chat); older documents are folded in at start.
        services.AddSingleton<UserProfileStore>();
        services.AddHostedService<UserProfileMigration>();

        // Participants: the lesson dialog in personal chat.
        services.AddSingleton<ParticipantConversation>();
        services.AddSingleton<ParticipantRecordCache>();
        services.AddSingleton<ParticipantTurnRunner>();
        services.AddSingleton<ParticipantTurnHandler>();
        services.AddHostedService<WorkshopWarmUp>();

        // Summaries and the dot vote.
        services.AddSingleton(p => new GroupSummaryBuilder(p.GetRequiredService<IOptions<SummaryOptions>>().Value));
        services.AddSingleton(p => new SummaryCardBuilder(p.GetRequiredService<IOptions<SummaryCardOptions>>().Value));
        services.AddSingleton(p => new DotVoteCardBuilder(p.GetRequiredService<IOptions<SummaryCardOptions>>().Value));
        services.AddSingleton<GroupSummaryStore>();
        services.AddSingleton<DotVoteStore>();
        services.AddSingleton<BallotAccess>();
        services.AddSingleton<DotVoteActionHandler>();

        // Reports: one content, four renderings.
        services.AddSingleton(p => new WorkshopReportBuilder(p.GetRequiredService<GroupSummaryBuilder>()));
        services.AddSingleton<MarkdownReportRenderer>();
        services.AddSingleton<HtmlReportRenderer>();
        services.AddSingleton<CsvReportRenderer>();
        services.AddSingleton<DocxReportRenderer>();

        // The sending lease: only its holder sends proactively (the hosted senders below wait for it). Registered
        // before them so that on shutdown it stops after them and hands the lease back once they finished.
        services.AddSingleton<SenderLeadership>();
        services.AddHostedService(provider => provider.GetRequiredService<SenderLeadership>());

        // Facilitation: workshops set up in channels, joining, progress, summary posting, the report.
        services.AddSingleton<WorkshopParticipants>();
        services.AddSingleton<IParticipantWorkshopResolver, JoinedWorkshopResolver>();
        services.AddSingleton<ChannelPoster>();
        services.AddSingleton<WorkshopSetup>();
        services.AddSingleton<WorkshopJoin>();
        services.AddSingleton<ProgressCardPress>();
        services.AddSingleton<ProgressBoard>();
        services.AddSingleton<ProgressReminderStore>();
        services.AddSingleton<ProgressReminderJobStore>();
        services.AddSingleton<ProgressReminderQueue>();
        services.AddSingleton<ProgressReminders>();
        services.AddHostedService<ProgressReminderService>();
        services.AddSingleton<SummaryPostingStore>();
        services.AddSingleton<SummaryPostingQueue>();
        services.AddSingleton<SummaryPostingWorker>();
        services.AddSingleton<SummaryPublisher>();
        services.AddSingleton<WorkshopReports>();
        services.AddSingleton<ChannelWelcome>();
        services.AddSingleton<FacilitatorRefusals>();
        services.AddSingleton<FacilitatorMembership>();
        services.AddSingleton<DamagedRecords>();
        services.AddSingleton<ChannelCommands>();
        services.AddSingleton<IFacilitatorNotifier, WorkshopChannelFacilitatorNotifier>();
        services.AddHostedService<SummaryPostingService>();

        // Reminders: follow-up plans, the durable scheduler and the Teams send pacer every proactive send goes through.
        services.AddSingleton<FollowUpStore>();
        services.AddSingleton(p => new ReminderScheduleCalculator(
            p.GetRequiredService<IOptions<ReminderScheduleOptions>>().Value, p.GetRequiredService<TimeProvider>()));
        services.AddSingleton(p => new TeamsSendPacer(
            p.GetRequiredService<IOptions<TeamsRateLimitOptions>>().Value, p.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ParticipantCommitmentSync>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<IFollowUpAccess, PlanFollowUpAccess>();
        services.AddSingleton<IReminderDelivery, ProactiveReminderDelivery>();
        services.AddSingleton<ReminderActionHandler>();
        services.AddSingleton<FollowUpPlanService>();
        services.AddSingleton<FollowUpViewService>();
        services.AddSingleton<FollowUpCommandHandler>();
        services.AddSingleton<FollowUpPlanning>();
        services.AddSingleton<FollowUpPlanCardHandler>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<ReminderScheduler>());
        // Every 429 the connector sees slows the pacer down, whoever sent the request.
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .AddHttpMessageHandler(provider => new ConnectorThrottleObserver(provider.GetRequiredService<TeamsSendPacer>(), provider.GetRequiredService<TimeProvider>()));

        // Data rights: exports, signed download links, erasure, retention.
        services.AddSingleton<WorkshopDirectory>();
        services.AddSingleton<WorkshopParticipantReader>();
        services.AddSingleton<WorkshopExporter>();
        services.AddSingleton<WorkshopReportFiles>();
        services.AddSingleton<DownloadTokens>();
        services.AddSingleton(provider => DownloadBaseUrl.From(
            provider.GetRequiredService<IOptions<DownloadOptions>>().Value.PublicBaseUrl, configuration["WEBSITE_HOSTNAME"], provider.GetService<IServedBaseUrl>()));
        services.AddSingleton(provider => new DownloadLinks(provider.GetRequiredService<DownloadTokens>(), provider.GetRequiredService<DownloadBaseUrl>().Resolve));
        services.AddSingleton<DownloadBuilder>();
        services.AddSingleton<IDownloadLinkIssuer, DownloadLinkIssuer>();
        services.AddSingleton<StoredSummaryRedactor>();
        services.AddSingleton<ParticipantDataEraser>();
        services.AddSingleton<DataRightsTurnHandler>();
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService<RetentionService>();
        // The key ring lives in the object store: Blob Storage in Azure, so every instance signs and reads the same
        // links; the local folder otherwise. Blob Storage encrypts it at rest; access is the store's own access control.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddSingleton<ObjectStoreXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = provider.GetRequiredService<ObjectStoreXmlRepository>()));

        services.AddSingleton<WorkshopRoutes>();
        services.AddSingleton<IActivityHandler>(provider => provider.GetRequiredService<WorkshopRoutes>().Build());
        return services;
    }

    private static void BindOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ParticipantOptions>().Bind(configuration.GetSection(ParticipantOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FacilitationOptions>().Bind(configuration.GetSection(FacilitationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SummaryCardOptions>().Bind(configuration.GetSection(SummaryCardOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DownloadOptions>().Bind(configuration.GetSection(DownloadOptions.SectionName)).ValidateOnStart();
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ReminderScheduleOptions>().Bind(configuration.GetSection(ReminderScheduleOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ReminderSchedulerOptions>().Bind(configuration.GetSection(ReminderSchedulerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TeamsRateLimitOptions>().Bind(configuration.GetSection(TeamsRateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderScheduleOptions>, ReminderOptionsValidator>();
        services.AddSingleton<IValidateOptions<ReminderSchedulerOptions>, ReminderOptionsValidator>();
        services.AddSingleton<IValidateOptions<TeamsRateLimitOptions>, ReminderOptionsValidator>();
    }
}
