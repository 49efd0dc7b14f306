using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.EndToEnd.Tests.DataRights;

/// <summary>
/// Signed download links through the real host (Program, Kestrel on 127.0.0.1) over a local-disk store: a link a
/// facilitator was given downloads the current data; an altered, made-up or expired one, or one whose requester is no
/// longer a facilitator, is refused with problem details and never a 500.
/// </summary>
public sealed class DownloadEndpointTests : IAsyncLifetime
{
    private const string WorkshopId = "ws-e2e-downloads";
    private const string Facilitator = "6f1c2f4e-0000-4000-8000-0000000fac11";
    private const string Participant = "6f1c2f4e-0000-4000-8000-00000000a11c";
    private const string ThaiAnswer = "ฐานข้อมูลผู้รับสวัสดิการร่วมกันระหว่างหน่วยงาน, \"ทุกจังหวัด\"";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sp-bot-tests", "downloads-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = FreePort.Next();
    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(Settings(), _port);
        _http = _bot.CreateClient();
        var store = _bot.GetRequiredService<IObjectStore>();
        await new FollowUpStore(store).UpdatePlanAsync(
            WorkshopId,
            _ => UpdateDecision.Write(new FollowUpPlan { WorkshopId = WorkshopId, WorkshopDate = new DateOnly(2026, 11, 18), FacilitatorUserKeys = [Facilitator] }),
            CancellationToken.None);
        await PutParticipantAsync(Participant, ThaiAnswer);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = BotHost.LocalStore(_folder);
        settings["Bot:PublicBaseUrl"] = $"http://127.0.0.1:{_port}";
        return settings;
    }

    private async Task PutParticipantAsync(string userKey, string answer)
    {
        var set = QuestionSetLoader.LoadDefault();
        var record = new ParticipantRecord
        {
            WorkshopId = WorkshopId,
            QuestionSetId = set.Id,
            QuestionSetVersion = set.Version,
            Status = ParticipantStatus.Submitted,
            Answers = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, Answer>
            {
                ["leveragePoints"] = new() { Kind = QuestionKind.LongText, Text = answer, AnsweredAt = DateTimeOffset.UtcNow },
            }),
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await new JsonObjectStore(_bot.GetRequiredService<IObjectStore>(), StoredJson.StoreOptions())
            .WriteAsync(WorkshopKeys.Participant(WorkshopId, userKey), record, WriteCondition.None, CancellationToken.None);
    }

    private Uri Link(DownloadArtifact artifact, DownloadFormat format, string requestedBy = Facilitator) =>
        _bot.GetRequiredService<DownloadLinks>().Create(new DownloadRequest(WorkshopId, artifact, format, requestedBy));

    [Fact]
    public async Task A_facilitators_csv_link_downloads_the_export_as_an_attachment_with_a_utf8_file_name()
    {
        var link = Link(DownloadArtifact.Export, DownloadFormat.Csv);
        Assert.Equal(_bot.BaseAddress.Authority, link.Authority);
        Assert.StartsWith("/downloads/", link.AbsolutePath, StringComparison.Ordinal);

        using var response = await _http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.EndsWith(".csv", disposition.FileNameStar, StringComparison.Ordinal);
        Assert.EndsWith(".csv", disposition.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("\"" + ThaiAnswer.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_offered_artifact_and_format_downloads()
    {
        foreach (var (artifact, format, mediaType) in new[]
        {
            (DownloadArtifact.Export, DownloadFormat.Json, "application/json"),
            (DownloadArtifact.Report, DownloadFormat.Md, "text/markdown"),
            (DownloadArtifact.Report, DownloadFormat.Html, "text/html"),
            (DownloadArtifact.Report, DownloadFormat.Csv, "text/csv"),
        })
        {
            using var response = await _http.GetAsync(Link(artifact, format));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("ฐานข้อมูลผู้รับสวัสดิการ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_Word_report_downloads_in_Thai_and_in_English_with_a_safe_file_name()
    {
        foreach (var (format, heading, artifact) in new[] { (DownloadFormat.Docx, "๕ สิ่งที่ภาคีรับจะดำเนินการ", "-report-"), (DownloadFormat.DocxEnglish, "5 Commitments", "-report-en-") })
        {
            using var response = await _http.GetAsync(Link(DownloadArtifact.Report, format));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Matches("^workshop-ws-e2e-downloads" + artifact + @"\d{4}-\d{2}-\d{2}\.docx$", disposition.FileName?.Trim('"'));
            Assert.EndsWith(".docx", disposition.FileNameStar, StringComparison.Ordinal);
            using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(heading, text, StringComparison.Ordinal);
            Assert.Contains("ฐานข้อมูลผู้รับสวัสดิการ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_file_is_built_when_downloaded_so_it_holds_answers_given_after_the_link_was_made()
    {
        var link = Link(DownloadArtifact.Export, DownloadFormat.Json);
        await PutParticipantAsync("6f1c2f4e-0000-4000-8000-000000000b0b", "คำตอบที่มาทีหลัง");

        using var response = await _http.GetAsync(link);

        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, json.RootElement.GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public async Task An_altered_token_is_not_found_with_problem_details()
    {
        var link = Link(DownloadArtifact.Export, DownloadFormat.Csv).AbsoluteUri;
        var i = link.Length - 10;
        var altered = link[..i] + (link[i] == 'A' ? 'B' : 'A') + link[(i + 1)..];

        using var response = await _http.GetAsync(altered);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_expired_link_is_gone_with_problem_details()
    {
        var tokens = _bot.GetRequiredService<DownloadTokens>();
        var token = tokens.Create(new DownloadRequest(WorkshopId, DownloadArtifact.Export, DownloadFormat.Csv, Facilitator), DateTimeOffset.UtcNow - DownloadTokens.Lifetime - TimeSpan.FromMinutes(1));

        using var response = await _http.GetAsync("downloads/" + token);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Gone);
        Assert.Contains("หมดอายุ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_of_someone_who_is_not_a_facilitator_is_refused()
    {
        using var response = await _http.GetAsync(Link(DownloadArtifact.Export, DownloadFormat.Json, requestedBy: Participant));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("downloads/x")]
    [InlineData("downloads/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("downloads/%F0%9F%98%80")]
    [InlineData("downloads/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("downloads/ลิงก์")]
    public async Task Made_up_tokens_are_not_found_and_never_a_server_error(string path)
    {
        using var response = await _http.GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_overlong_token_is_refused_without_a_server_error()
    {
        using var response = await _http.GetAsync("downloads/" + new string('A', 6000));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"Got {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task A_link_made_by_one_instance_opens_on_another_sharing_the_store()
    {
        var link = Link(DownloadArtifact.Export, DownloadFormat.Csv);
        var otherPort = FreePort.Next();
        var settings = Settings();
        settings["Bot:PublicBaseUrl"] = $"http://127.0.0.1:{otherPort}";
        await using var other = await BotHost.StartAsync(settings, otherPort);
        using var http = other.CreateClient();

        using var response = await http.GetAsync(link.PathAndQuery.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_facilitation_features_link_issuer_gives_links_that_download_its_workshops_report()
    {
        const string Channel = "19:e2echannel@thread.tacv2";
        var workshops = _bot.GetRequiredService<WorkshopStore>();
        Assert.True(await workshops.CreateAsync(
            new WorkshopRecord
            {
                Id = "ws-e2e-record",
                Title = "เวทีถอดบทเรียน",
                Date = new DateOnly(2026, 11, 18),
                QuestionSetId = QuestionSetLoader.LoadDefault().Id,
                Groups = [new BreakoutGroup { Id = "g1", Name = "กลุ่มหนึ่ง" }],
                Visibility = AnswerVisibility.Anonymous,
                Facilitators = [Facilitator],
                Channel = new Protocol.Schema.ConversationReference { Conversation = new Protocol.Schema.ConversationAccount { Id = Channel } },
                CreatedBy = Facilitator,
                CreatedAt = DateTimeOffset.UtcNow,
                AnonymityKeyBase64 = AnonymityKey.Create().ToBase64(),
            },
            CancellationToken.None));
        var issuer = _bot.GetRequiredService<IDownloadLinkIssuer>();

        var link = issuer.Issue("ws-e2e-record", "report", "html");
        Assert.Null(issuer.Issue("ws-e2e-record", "report", "xlsx"));
        Assert.NotNull(link);
        using var response = await _http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("เวทีถอดบทเรียน", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
