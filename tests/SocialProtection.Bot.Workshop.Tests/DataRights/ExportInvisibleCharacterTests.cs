using System.Text;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Tests.Reports;

namespace SocialProtection.Bot.Workshop.Tests.DataRights;

/// <summary>Issue 15 item 4, for the data exports: the CSV and JSON files carry no bidi or control character a participant typed.</summary>
public sealed class ExportInvisibleCharacterTests : IDisposable
{
    private const string Alice = "6f1c2f4e-0000-4000-8000-00000000a11c";
    private const string Hidden = "\u202E\u202A\u202C\u2066\u2067\u2068\u2069\u200E\u200F\u0007\u0090\u001B";

    private readonly BotWorld _world = DataRightsSeeds.NewWorld();

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Json)]
    public async Task Exports_keep_the_words_and_drop_every_bidi_and_control_character(ExportFormat format)
    {
        await _world.PutParticipantAsync(DataRightsSeeds.WorkshopId, Alice, DataRightsSeeds.Record(
            DataRightsSeeds.WorkshopId, "ALPHA" + Hidden + "ดี", "LEVER" + Hidden,
            new Commitment("c1", "ACTION" + Hidden, "ORG" + Hidden, new DateOnly(2027, 3, 31))));
        await _world.PutFollowUpAsync(DataRightsSeeds.WorkshopId, Alice, ("c1", CommitmentStatus.Done, "NOTE" + Hidden));
        await _world.PutConversationAsync(Alice, "29:alice", "Mallory" + Hidden);
        var workshop = new ExportedWorkshop
        {
            Id = DataRightsSeeds.WorkshopId,
            Title = "TITLE" + Hidden,
            Date = new DateOnly(2026, 11, 18),
            Status = "closed",
            Visibility = AnswerVisibility.Named,
            QuestionSet = DataRightsSeeds.Set,
        };

        await using var file = await _world.Get<WorkshopExporter>().ExportAsync(workshop, AnonymityKey.Create(), format, CancellationToken.None);
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        var text = Encoding.UTF8.GetString(copy.ToArray());

        InvisibleCharacterTests.AssertClean(format.ToString(), text);
        if (format == ExportFormat.Json)
        {
            // What a program reading the file gets, after the JSON escapes are decoded.
            using var json = JsonDocument.Parse(copy.ToArray());
            InvisibleCharacterTests.AssertClean("json values", Values(json.RootElement));
        }
        // The CSV has one row per answer and no follow-up notes; the JSON has them.
        foreach (var word in format == ExportFormat.Json ? ["ALPHAดี", "LEVER", "ACTION", "ORG", "NOTE", "TITLE"] : new[] { "ALPHAดี", "LEVER", "ACTION", "ORG", "Mallory" })
        {
            Assert.Contains(word, text, StringComparison.Ordinal);
        }
    }

    private static string Values(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join("\n", element.EnumerateObject().Select(p => Values(p.Value))),
        JsonValueKind.Array => string.Join("\n", element.EnumerateArray().Select(Values)),
        JsonValueKind.String => element.GetString()!,
        _ => "",
    };
}
