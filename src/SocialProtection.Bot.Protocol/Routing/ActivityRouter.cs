using System.Text.Json;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Routing;

public delegate Task TurnHandler(ITurnContext turn, CancellationToken cancellationToken);

public delegate Task<CardActionResult> CardActionHandler<TData>(ITurnContext turn, CardAction<TData> action, CancellationToken cancellationToken)
    where TData : CardData;

/// <summary>
/// Routes a turn to the first handler that matches it: card actions by verb (whether they came as
/// <c>Action.Execute</c> invokes or <c>Action.Submit</c> messages), messages by the first matching condition,
/// then by type. Unknown activity types are accepted and ignored; other invokes get 501. A press's data is read
/// once, here, into the record its verb's handler takes; a press whose data is not that record is refused unread.
/// </summary>
public sealed class ActivityRouter : IActivityHandler
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary>The field inside submitted card data that names the action (the Agents SDK's default).</summary>
    public const string VerbField = "verb";

    private static readonly JsonElement EmptyObject = JsonSerializer.SerializeToElement(new { });

    private readonly Dictionary<string, Func<ITurnContext, Press, CancellationToken, Task<CardActionResult>>> _cardActions = new(StringComparer.Ordinal);
    private readonly List<(Func<ITurnContext, bool> Matches, TurnHandler Handler)> _messageRoutes = [];
    private readonly List<(string Type, Func<ITurnContext, bool> Matches, TurnHandler Handler)> _byType = [];

    /// <summary>What a press with a verb no route handles gets.</summary>
    public CardActionResult UnknownAction { get; init; } = CardActionResult.Refuse("This card action is not known.", 400, "UnknownAction");

    /// <summary>What a press whose data is not the record its verb's handler takes gets (a forged or damaged card).</summary>
    public CardActionResult MalformedData { get; init; } = CardActionResult.Refuse("This card's data is not valid.", 400, "InvalidCardData");

    /// <summary>Handles card actions whose verb is <paramref name="verb"/>, their data read as <typeparamref name="TData"/>; a verb has one handler.</summary>
    public ActivityRouter OnCardAction<TData>(string verb, CardActionHandler<TData> handler)
        where TData : CardData
    {
        var added = _cardActions.TryAdd(verb, (turn, press, cancellationToken) =>
            CardDataJson.TryRead<TData>(press.Data, verb, out var data)
                ? handler(turn, new CardAction<TData>(verb, data, press.Source, press.ReplyToId, press.IsRefresh), cancellationToken)
                : Task.FromResult(MalformedData));
        if (!added)
        {
            throw new InvalidOperationException($"The card verb '{verb}' is routed twice.");
        }
        return this;
    }

    /// <summary>Handles messages that <paramref name="matches"/> accepts; routes are tried in the order added.</summary>
    public ActivityRouter OnMessage(Func<ITurnContext, bool> matches, TurnHandler handler)
    {
        _messageRoutes.Add((matches, handler));
        return this;
    }

    /// <summary>Handles every activity of <paramref name="activityType"/> (conversationUpdate, installationUpdate, event, …).</summary>
    public ActivityRouter OnActivity(string activityType, TurnHandler handler) => OnActivity(activityType, static _ => true, handler);

    /// <summary>
    /// Handles activities of <paramref name="activityType"/> that <paramref name="matches"/> accepts (e.g. only personal
    /// installs); routes are tried in the order added and the first match wins, so features can share a type.
    /// </summary>
    public ActivityRouter OnActivity(string activityType, Func<ITurnContext, bool> matches, TurnHandler handler)
    {
        _byType.Add((activityType, matches, handler));
        return this;
    }

    public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == AdaptiveCardActionInvoke:
                return await OnExecuteAsync(turn, cancellationToken);
            case ActivityTypes.Invoke:
                return new InvokeResponse(StatusCodes.NotImplemented);
            case ActivityTypes.Message when IsCardSubmit(activity):
                await OnSubmitAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.Message:
                foreach (var (matches, handler) in _messageRoutes)
                {
                    if (matches(turn))
                    {
                        await handler(turn, cancellationToken);
                        return null;
                    }
                }
                return null;
        }

        foreach (var (type, matches, handler) in _byType)
        {
            if (string.Equals(type, activity.Type, StringComparison.OrdinalIgnoreCase) && matches(turn))
            {
                await handler(turn, cancellationToken);
                break;
            }
        }
        return null;
    }

    private static bool IsCardSubmit(Activity activity) =>
        string.IsNullOrWhiteSpace(activity.Text) && activity.Value is { ValueKind: JsonValueKind.Object };

    private async Task<InvokeResponse> OnExecuteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!TryReadExecute(turn.Activity.Value, out var verb, out var data, out var isRefresh))
        {
            return AdaptiveCardInvokeResponses.Error(400, "BadRequest", "The card action is malformed.");
        }
        var press = new Press(verb, data, CardActionSource.Execute, turn.Activity.ReplyToId, isRefresh);
        var result = await DispatchAsync(turn, press, cancellationToken);
        return AdaptiveCardInvokeResponses.From(result);
    }

    private async Task OnSubmitAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var data = turn.Activity.Value!.Value;
        var verb = data.TryGetProperty(VerbField, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        var press = new Press(verb, data, CardActionSource.Submit, turn.Activity.ReplyToId, IsRefresh: false);
        var result = await DispatchAsync(turn, press, cancellationToken);
        switch (result)
        {
            case CardActionResult.ReplaceCard replace when press.ReplyToId is { Length: > 0 } replyToId:
                await turn.UpdateActivityAsync(MessageFactory.Card(replace.Card) with { Id = replyToId }, cancellationToken);
                break;
            case CardActionResult.ReplaceCard replace:
                await turn.SendActivityAsync(MessageFactory.Card(replace.Card), cancellationToken);
                break;
            case CardActionResult.Message message:
                await turn.SendActivityAsync(MessageFactory.Text(message.Text), cancellationToken);
                break;
            case CardActionResult.Error error:
                await turn.SendActivityAsync(MessageFactory.Text(error.Text), cancellationToken);
                break;
        }
    }

    private Task<CardActionResult> DispatchAsync(ITurnContext turn, Press press, CancellationToken cancellationToken) =>
        _cardActions.TryGetValue(press.Verb, out var handler)
            ? handler(turn, press, cancellationToken)
            : Task.FromResult(UnknownAction);

    private static bool TryReadExecute(JsonElement? value, out string verb, out JsonElement data, out bool isRefresh)
    {
        verb = "";
        data = default;
        isRefresh = false;
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        if (action.TryGetProperty("verb", out var verbElement) && verbElement.ValueKind == JsonValueKind.String)
        {
            verb = verbElement.GetString() ?? "";
        }
        data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
            ? d
            : EmptyObject;
        isRefresh = v.TryGetProperty("trigger", out var trigger)
            && trigger.ValueKind == JsonValueKind.String
            && trigger.GetString() == "automatic";
        return true;
    }

    /// <summary>A press as it came, before its data is read for the verb's handler.</summary>
    private sealed record Press(string Verb, JsonElement Data, CardActionSource Source, string? ReplyToId, bool IsRefresh);

    private static class StatusCodes
    {
        public const int NotImplemented = 501;
    }
}
