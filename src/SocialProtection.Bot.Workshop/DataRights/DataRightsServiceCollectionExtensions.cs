using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.DataRights;

public static class DataRightsServiceCollectionExtensions
{
    /// <summary>The Data Protection application name: every instance must use the same one to read each other's links.</summary>
    public const string DataProtectionApplicationName = "SocialProtection.Bot";

    /// <summary>
    /// Data rights: exports, signed download links (Data Protection, its key ring in the object store), erasure on
    /// request with its route module, and the daily <see cref="RetentionService"/>. Options from "Workshop"
    /// (RetentionDays) and "Bot" (PublicBaseUrl). Register it before the participant module: its personal-chat route
    /// must come before the participant's catch-all one. Needs an <see cref="IObjectStore"/>.
    /// </summary>
    public static IServiceCollection AddDataRights(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DownloadOptions>().Bind(configuration.GetSection(DownloadOptions.SectionName));
        services.AddOptions<SummaryOptions>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new JsonObjectStore(provider.GetRequiredService<IObjectStore>()));
        services.TryAddSingleton<FollowUpStore>();
        services.TryAddSingleton<PersonalConversationStore>();
        services.TryAddSingleton(provider => new GroupSummaryBuilder(provider.GetRequiredService<IOptions<SummaryOptions>>().Value));
        services.TryAddSingleton(provider => new WorkshopReportBuilder(provider.GetRequiredService<GroupSummaryBuilder>()));
        services.TryAddSingleton<MarkdownReportRenderer>();
        services.TryAddSingleton<HtmlReportRenderer>();
        services.TryAddSingleton<CsvReportRenderer>();
        services.TryAddSingleton<Reports.Docx.DocxReportRenderer>();

        services.AddOptions<FacilitationOptions>();
        services.TryAddSingleton<WorkshopStore>();
        services.TryAddSingleton<FacilitatorRoles>();
        services.TryAddSingleton<QuestionSetCatalog>();
        services.TryAddSingleton<DotVoteStore>();
        services.TryAddSingleton<WorkshopDirectory>();
        services.TryAddSingleton<WorkshopParticipantReader>();
        services.TryAddSingleton<WorkshopExporter>();
        services.TryAddSingleton<WorkshopReportFiles>();
        services.TryAddSingleton<DownloadTokens>();
        services.TryAddSingleton(provider => DownloadBaseUrl.From(
            provider.GetRequiredService<IOptions<DownloadOptions>>().Value.PublicBaseUrl, configuration["WEBSITE_HOSTNAME"], provider.GetService<IServedBaseUrl>()));
        services.TryAddSingleton(provider => new DownloadLinks(provider.GetRequiredService<DownloadTokens>(), provider.GetRequiredService<DownloadBaseUrl>().Resolve));
        services.TryAddSingleton<DownloadBuilder>();
        services.TryAddSingleton<DownloadLinkIssuer>();
        // Replaces the facilitation feature's default (no links), whichever of the two is registered first.
        services.RemoveAll<IDownloadLinkIssuer>();
        services.AddSingleton<IDownloadLinkIssuer>(provider => provider.GetRequiredService<DownloadLinkIssuer>());
        services.TryAddSingleton<StoredSummaryRedactor>();
        services.TryAddSingleton<ParticipantDataEraser>();
        services.TryAddSingleton<DataRightsTurnHandler>();
        services.TryAddSingleton<RetentionSweep>();
        services.AddSingleton<IRouteModule, DataRightsRouteModule>();
        services.AddHostedService<RetentionService>();

        // The key ring lives in the object store: Blob Storage in Azure, so every instance signs and reads the same
        // links; the local folder otherwise. Blob Storage encrypts it at rest; access is the store's own access control.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.TryAddSingleton<ObjectStoreXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = provider.GetRequiredService<ObjectStoreXmlRepository>()));
        return services;
    }
}
