using System.Text;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class WorkshopReportTests : IAsyncDisposable
{
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Report_posts_the_headline_numbers_in_the_channel()
    {
        var workshop = await _world.CreateWorkshopAsync();
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Alice.AadObjectId, "g1", "ข้อดี หนึ่ง", "จุดคานงัด หนึ่ง"));
        await _world.PutParticipantAsync(workshop.Id, Person.Bob.AadObjectId, SeedRecords.Started(workshop.Id, Person.Bob.AadObjectId, "g2"));

        var turn = await _world.SayInChannel(Person.Facilitator, "รายงาน");

        var post = Assert.Single(turn.Posts, p => p.ConversationId == BotWorld.ChannelId);
        var text = post.Cards[0].GetRawText();
        Assert.Contains("รายงานเวิร์กชอป", text, StringComparison.Ordinal);
        Assert.Contains("participants 2 · answered 2 · submitted 1 · answers 5", text, StringComparison.Ordinal);
        Assert.Contains("Commitments: 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_card_links_the_downloads_the_host_issues()
    {
        var workshop = await _world.CreateWorkshopAsync();

        var turn = await _world.SayInChannel(Person.Facilitator, "report");

        var text = CardJson.Text(Assert.Single(turn.Posts, p => p.ConversationId == BotWorld.ChannelId).Cards[0]);
        Assert.Contains("ดาวน์โหลด / Download", text, StringComparison.Ordinal);
        Assert.Contains("[Markdown](http", text, StringComparison.Ordinal);
        Assert.Contains("[HTML](http", text, StringComparison.Ordinal);
        Assert.Contains("[CSV](http", text, StringComparison.Ordinal);
        Assert.Contains("[Word (ไทย)](http", text, StringComparison.Ordinal);
        Assert.Contains("[Word (English)](http", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_downloads_the_report_card_shows_only_its_numbers()
    {
        var workshop = await _world.CreateWorkshopAsync();
        var report = await _world.Get<WorkshopReports>().BuildAsync(workshop, CancellationToken.None);

        var card = ReportCard.Build(report, []);

        var text = Protocol.Cards.AdaptiveCardJson.Serialize(card);
        Assert.DoesNotContain("Download", text, StringComparison.Ordinal);
        Assert.Contains("participants 0", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Markdown, "text/markdown")]
    [InlineData(ReportFormat.Html, "text/html")]
    [InlineData(ReportFormat.Csv, "text/csv")]
    public async Task BuildReportAsync_gives_the_report_file_in_each_format(ReportFormat format, string contentType)
    {
        var workshop = await _world.CreateWorkshopAsync(title: "ถอดบทเรียน");
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Alice.AadObjectId, "g1", "ข้อดีของเครือข่าย", "จุดคานงัด"));

        var file = await _world.Get<WorkshopReports>().BuildReportAsync(workshop.Id, format, CancellationToken.None);

        Assert.NotNull(file);
        Assert.StartsWith(contentType, file.ContentType, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(file.FileName));
        Assert.Contains("ข้อดีของเครือข่าย", Encoding.UTF8.GetString(file.Content.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Docx, "๑ ภาพรวม")]
    [InlineData(ReportFormat.DocxEnglish, "1 Overview")]
    public async Task BuildReportAsync_gives_the_Word_document_in_Thai_or_English(ReportFormat format, string firstSection)
    {
        var workshop = await _world.CreateWorkshopAsync(title: "ถอดบทเรียน");
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId, SeedRecords.Submitted(workshop.Id, Person.Alice.AadObjectId, "g1", "ข้อดีของเครือข่าย", "จุดคานงัด"));

        var file = await _world.Get<WorkshopReports>().BuildReportAsync(workshop.Id, format, CancellationToken.None);

        Assert.NotNull(file);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.ContentType);
        Assert.EndsWith(".docx", file.FileName, StringComparison.Ordinal);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file.Content.ToStream(), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(firstSection, text, StringComparison.Ordinal);
        Assert.Contains("ข้อดีของเครือข่าย", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zzzzzzzzzz")]
    [InlineData("../secrets")]
    public async Task BuildReportAsync_gives_nothing_for_a_workshop_that_does_not_exist(string id)
    {
        Assert.Null(await _world.Get<WorkshopReports>().BuildReportAsync(id, ReportFormat.Csv, CancellationToken.None));
    }

    [Theory]
    [InlineData("md", ReportFormat.Markdown)]
    [InlineData("HTML", ReportFormat.Html)]
    [InlineData("csv", ReportFormat.Csv)]
    [InlineData("docx", ReportFormat.Docx)]
    [InlineData("DOCX-EN", ReportFormat.DocxEnglish)]
    [InlineData("pdf", null)]
    [InlineData(null, null)]
    public void Download_formats_are_read_from_their_link_names(string? code, ReportFormat? expected) =>
        Assert.Equal(expected, WorkshopReports.ParseFormat(code));
}
