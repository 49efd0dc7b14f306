using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.LoadDriver;

/// <summary>The figures of one load run.</summary>
public sealed record TurnLoadResult(
    string Bot, int Participants, int Turns, int Errors, TimeSpan Elapsed, double[] LatenciesMs, double PeakMemoryMb,
    double BotCpuShare, double AzuriteCpuShare, double DriverCpuShare, double[] FirstTurnLatenciesMs)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    private double[]? _sorted;

    public double Percentile(double p) => Percentile(_sorted ??= [.. LatenciesMs.Order()], p);

    /// <summary>Turns answered after 15 s: Azure Bot Service gives up on a turn after 10–15 s, so in Teams these fail too.</summary>
    public int OverTeamsWindow => LatenciesMs.Count(ms => ms > 15_000);

    /// <summary>The nearest-rank percentile of already sorted values (100 is the maximum).</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// N participants, each in their own personal conversation, all at once: "start", then the first eight questions
/// answered by pressing lesson.answer on the card the bot sent. A turn's latency runs from sending the activity to
/// the stub connector receiving the bot's next message in that conversation.
/// </summary>
public sealed class TurnLoad(StubConnector connector)
{
    /// <summary>"Start" and eight answers.</summary>
    public const int TurnsPerParticipant = 9;

    private const string TenantId = "7a1e3c2b-0000-4000-8000-00000000a11a";
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] TryAgainTexts =
        [UiText.Default.Get(UiTextKeys.TryAgain, Language.Thai), UiText.Default.Get(UiTextKeys.TryAgain, Language.English)];
    private static readonly string[] Answers =
    [
        "government",
        "การทำงานร่วมกับเครือข่ายในพื้นที่ได้ผลดี",
        "งบประมาณกระจัดกระจาย และการทำงานแบบแยกส่วน",
        "ฐานข้อมูลผู้รับสวัสดิการร่วมกันระหว่างหน่วยงาน",
        "olderPersons,children",
        "จัดสรรภาษีบาปบางส่วนเข้ากองทุนคุ้มครองทางสังคม",
        "บูรณาการแผนงานระหว่างกระทรวง",
        "คณะกรรมการการคุ้มครองทางสังคมแห่งชาติ",
    ];

    public async Task<TurnLoadResult> RunAsync(BotUnderTest bot, int participants, int azuritePid)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = bot.BaseAddress,
            Timeout = TurnTimeout,
        };
        var latencies = new ConcurrentBag<double>();
        var firstTurns = new ConcurrentBag<double>();
        var errors = 0;
        var turns = 0;
        var botCpu = bot.CpuTime();
        var azuriteCpu = ProcFs.CpuTime(azuritePid);
        var driverCpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, participants).Select(i => Task.Run(async () =>
        {
            var user = new Participant(Guid.NewGuid().ToString(), "29:1" + Guid.NewGuid().ToString("N"), "a:1" + Guid.NewGuid().ToString("N"));
            var inbox = connector.Inbox(user.ConversationId);
            try
            {
                var card = await TurnAsync(http, inbox, Activity(user, "message", text: "เริ่ม"), latencies, firstTurns);
                Interlocked.Increment(ref turns);
                for (var q = 0; q < Answers.Length; q++)
                {
                    var data = AdaptiveCardReader.ExecuteData(card ?? throw new InvalidOperationException("no question card"), "lesson.answer");
                    data["answer"] = Answers[q];
                    var value = new JsonObject
                    {
                        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "lesson.answer", ["data"] = data },
                        ["trigger"] = "manual",
                    };
                    card = await TurnAsync(http, inbox, Activity(user, "invoke", name: "adaptiveCard/action", value: value), latencies, last: q == Answers.Length - 1);
                    Interlocked.Increment(ref turns);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or OperationCanceledException or TimeoutException)
            {
                // The participant stops here: one error, and their remaining turns are not counted.
                if (Interlocked.Increment(ref errors) <= 3)
                {
                    Console.Error.WriteLine($"  error: {e.GetType().Name}: {e.Message}");
                }
            }
        })));
        clock.Stop();
        var elapsed = clock.Elapsed;
        return new TurnLoadResult(bot.Name, participants, turns, errors, elapsed, [.. latencies], bot.PeakMemoryMegabytes(),
            (bot.CpuTime() - botCpu) / elapsed, (ProcFs.CpuTime(azuritePid) - azuriteCpu) / elapsed, (Environment.CpuUsage.TotalTime - driverCpu) / elapsed,
            [.. firstTurns.Order()]);
    }

    /// <summary>Sends one activity; returns the next question card the bot sent (null after the last answer).</summary>
    private static async Task<JsonElement?> TurnAsync(
        HttpClient http, System.Threading.Channels.ChannelReader<JsonElement> inbox, JsonObject activity, ConcurrentBag<double> latencies,
        ConcurrentBag<double>? alsoTo = null, bool last = false)
    {
        while (inbox.TryRead(out _))
        {
            // Anything left from the previous turn is not this turn's reply.
        }
        var started = Stopwatch.GetTimestamp();
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/messages", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
        }
        if (activity["type"]!.GetValue<string>() == "invoke")
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (body.GetProperty("type").GetString() != "application/vnd.microsoft.card.adaptive")
            {
                throw new InvalidOperationException("the answer was not acknowledged");
            }
        }
        using var timeout = new CancellationTokenSource(TurnTimeout);
        while (true)
        {
            JsonElement sent;
            try
            {
                sent = await inbox.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no reply to {activity["type"]} {activity["text"] ?? activity["value"]?["action"]?["data"]?["questionId"]} within {TurnTimeout.TotalSeconds:F0} s");
            }
            var card = QuestionCard(sent);
            if (card is not null || last)
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                latencies.Add(elapsed);
                alsoTo?.Add(elapsed);
                return card;
            }
            if (sent.TryGetProperty("text", out var text) && TryAgainTexts.Contains(text.GetString()))
            {
                // The bot refused the turn (storage too slow) and said so; the participant stops here.
                throw new InvalidOperationException("the bot said \"please try again\" instead of sending the next question");
            }
        }
    }

    private static JsonElement? QuestionCard(JsonElement sent)
    {
        if (!sent.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var attachment in attachments.EnumerateArray())
        {
            if (attachment.TryGetProperty("content", out var content) && AdaptiveCardReader.HasExecute(content, "lesson.answer"))
            {
                return content;
            }
        }
        return null;
    }

    private JsonObject Activity(Participant user, string type, string? text = null, string? name = null, JsonNode? value = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "1" + Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = connector.ServiceUrl.ToString(),
            ["locale"] = "th-TH",
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = "ผู้เข้าร่วม", ["aadObjectId"] = user.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:00000000-0000-0000-0000-00000000b075", ["name"] = "SocialProtection.Bot" },
            ["conversation"] = new JsonObject { ["id"] = user.ConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        if (text is not null) activity["text"] = text;
        if (name is not null) activity["name"] = name;
        if (value is not null) activity["value"] = value;
        return activity;
    }

    private sealed record Participant(string AadObjectId, string Id, string ConversationId);
}
