using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop;

/// <summary>
/// Runs one participant conversation in memory before the bot takes requests, so the first participant after a start
/// does not wait for what is loaded once per process: ICU's Thai dictionary (about 300 ms), the JSON contracts of the
/// cards and the record (about 200 ms) and the code paths' compilation. Measured, the first turn of a fresh process
/// took 1.4 s without it. Touches no storage and no network; a failure is logged and the bot starts anyway.
/// </summary>
internal sealed partial class WorkshopWarmUp(
    IQuestionSetProvider sets,
    ParticipantConversation conversation,
    IOptions<ParticipantOptions> options,
    TimeProvider time,
    ILogger<WorkshopWarmUp> logger) : IHostedService
{
    // Long enough (over 60 characters, no spaces) that escaping it needs the Thai line breaker.
    private const string ThaiSample = "การทำงานร่วมกับเครือข่ายในพื้นที่ได้ผลดีและงบประมาณกระจัดกระจายการทำงานแบบแยกส่วนของหน่วยงานรัฐ";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            Run();
            LogWarmedUp(logger, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only the first turn's speed depends on this.
            LogWarmUpFailed(logger, e.GetType().Name);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Run()
    {
        var set = sets.ForWorkshop(options.Value.DefaultWorkshopId);
        var now = time.GetUtcNow();
        var record = new ParticipantRecord
        {
            WorkshopId = options.Value.DefaultWorkshopId,
            UserKey = "warm-up",
            QuestionSetId = set.Id,
            QuestionSetVersion = set.Version,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var facts = new TurnFacts("warm-up-1", "29:warm-up", "th-TH", now, FromCard: false);
        var started = conversation.Handle(record, set, new ParticipantInput.Command(new ParticipantCommand.Start()), facts);
        Render(started, set);
        var answered = conversation.Handle(started.Record, set, new ParticipantInput.Text(ThaiSample), facts with { ActivityId = "warm-up-2" });
        Render(answered, set);
        var json = JsonSerializer.Serialize(answered.Record, StoredJson.Options);
        _ = JsonSerializer.Deserialize<ParticipantRecord>(json, StoredJson.Options);
        _ = CardText.Escape(ThaiSample);
        _ = ThaiWordSegmenter.Segment(ThaiSample);
    }

    private static void Render(ParticipantTurnOutcome outcome, QuestionSet set)
    {
        foreach (var language in new[] { Language.Thai, Language.English })
        {
            var context = new CardContext(outcome.Record, set, language, "29:warm-up", UiText.Default);
            foreach (var view in outcome.Replies)
            {
                foreach (var reply in ParticipantCardRenderer.Render(view, context))
                {
                    if (reply is RenderedReply.CardReply card)
                    {
                        _ = JsonSerializer.SerializeToUtf8Bytes(MessageFactory.Card(card.Card.ToAttachment()), ProtocolJson.Options);
                    }
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant dialog warmed up in {Milliseconds} ms")]
    private static partial void LogWarmedUp(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the participant dialog failed ({Reason}); the first turn will be slower")]
    private static partial void LogWarmUpFailed(ILogger logger, string reason);
}
