using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Creating a workshop in a channel: the set-up card (<c>workshop new</c>), its Create button
/// (<see cref="FacilitationVerbs.Create"/>) and the kickoff card posted for participants. The workshop is stored before
/// anything is posted; a second press of Create (or a redelivery) finds it and only posts the kickoff if it is missing.
/// </summary>
internal sealed partial class WorkshopSetup(
    WorkshopStore workshops,
    FacilitatorRoles roles,
    QuestionSetCatalog sets,
    ChannelPoster poster,
    FacilitatorRefusals refusals,
    IOptions<FacilitationOptions> options,
    TimeProvider time,
    ILogger<WorkshopSetup> logger)
{
    private readonly TextCatalog _text = FacilitationText.Default;

    /// <summary>Replies to <c>workshop new</c> with a fresh set-up card (the caller checked the sender may create workshops).</summary>
    public Task SendSetupCardAsync(ITurnContext turn, string? title, CancellationToken cancellationToken)
    {
        var prefill = title is null ? null : CardText.Truncate(title, WorkshopSetupInput.MaxTitleLength);
        var input = new WorkshopSetupInput { WorkshopId = WorkshopIds.New(), Title = prefill };
        var card = SetupCard.Build(input, Today(), sets.All);
        return turn.SendActivityAsync(MessageFactory.Card(card.ToAttachment()), cancellationToken);
    }

    public async Task<CardActionResult> OnCreateAsync(ITurnContext turn, CardAction<WorkshopSetupInput> action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ParticipantIdentity.From(activity) is not { } identity
            || !ChannelConversation.IsChannelOrGroupChat(activity)
            || ChannelConversation.Reference(activity) is not { } channel)
        {
            return Refuse(FacilitationTextKeys.ErrorInvalidCard, 400, "BadRequest");
        }
        var input = action.Data;
        try
        {
            if (!await roles.CanCreateWorkshopsAsync(identity.Key, activity, cancellationToken))
            {
                LogRefused(logger, "create");
                var refusal = await refusals.ForAsync(activity, creating: true, cancellationToken);
                return CardActionResult.Refuse(refusal.Th + " / " + refusal.En, 403, "Forbidden");
            }
            if (await workshops.GetAsync(input.WorkshopId, cancellationToken) is { } existing)
            {
                return await AlreadyCreatedAsync(existing, identity, channel.Conversation!.Id!, cancellationToken);
            }
            if (input.Validate(options.Value.MaxGroups, sets, out var problems) is not { } form)
            {
                return CardActionResult.Replace(SetupCard.Build(input, Today(), sets.All, problems).ToAttachment());
            }

            var workshop = NewWorkshop(form, identity, channel, activity);
            if (!await workshops.CreateAsync(workshop, cancellationToken))
            {
                // Created a moment ago by a concurrent press of the same card.
                return await AlreadyCreatedAsync(
                    await workshops.GetAsync(workshop.Id, cancellationToken) ?? workshop, identity, channel.Conversation!.Id!, cancellationToken);
            }
            await workshops.AddToChannelAsync(channel.Conversation!.Id!, workshop.Id, cancellationToken);
            LogCreated(logger, workshop.Id, workshop.Groups.Length);
            return await KickoffAsync(workshop, cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogStoreFailed(logger, e.GetType().Name);
            return Refuse(FacilitationTextKeys.ErrorTryAgain, 503, "ServiceUnavailable");
        }
    }

    /// <summary>Puts the kickoff card in its current state (open or closed) in place of the posted one.</summary>
    public async Task UpdateKickoffAsync(WorkshopRecord workshop, CancellationToken cancellationToken)
    {
        if (workshop.KickoffActivityId is not { } id)
        {
            return;
        }
        try
        {
            await poster.UpdateAsync(workshop.Channel, id, MessageFactory.Card(KickoffCard.Build(workshop).ToAttachment()), cancellationToken);
        }
        catch (ConnectorException e)
        {
            // The workshop's state is stored; a kickoff card the channel no longer has can stay as it is.
            LogKickoffFailed(logger, workshop.Id, (int?)e.StatusCode ?? 0);
        }
    }

    private async Task<CardActionResult> AlreadyCreatedAsync(WorkshopRecord existing, ParticipantIdentity identity, string conversationId, CancellationToken cancellationToken)
    {
        if (existing.Channel.Conversation?.Id != conversationId || !roles.RunsWholeWorkshop(identity.Key, existing))
        {
            return Refuse(FacilitationTextKeys.ErrorInvalidCard, 409, "Conflict");
        }
        return await KickoffAsync(existing, cancellationToken);
    }

    /// <summary>Posts the kickoff card unless it was posted already, and answers the Create press with the created card.</summary>
    private async Task<CardActionResult> KickoffAsync(WorkshopRecord workshop, CancellationToken cancellationToken)
    {
        var set = sets.Find(workshop.QuestionSetId) ?? sets.Default;
        if (workshop.KickoffActivityId is null)
        {
            string? id;
            try
            {
                id = await poster.PostAsync(workshop.Channel, MessageFactory.Card(KickoffCard.Build(workshop).ToAttachment()), cancellationToken);
            }
            catch (ConnectorException e)
            {
                LogKickoffFailed(logger, workshop.Id, (int?)e.StatusCode ?? 0);
                return Refuse(FacilitationTextKeys.ErrorKickoffNotPosted, 502, "BadGateway");
            }
            if (id is not null)
            {
                await workshops.UpdateAsync(workshop.Id, w => w.KickoffActivityId is null ? w with { KickoffActivityId = id, UpdatedAt = time.GetUtcNow() } : null, cancellationToken);
            }
        }
        return CardActionResult.Replace(WorkshopCreatedCard.Build(workshop, set).ToAttachment());
    }

    private WorkshopRecord NewWorkshop(WorkshopSetupForm form, ParticipantIdentity creator, Protocol.Schema.ConversationReference channel, Protocol.Schema.Activity activity)
    {
        var now = time.GetUtcNow();
        var names = form.GroupNames.Count > 0 ? form.GroupNames : [_text.Both(FacilitationTextKeys.SetupEveryone)];
        return new WorkshopRecord
        {
            Id = form.WorkshopId,
            Title = form.Title,
            Date = form.Date,
            QuestionSetId = form.QuestionSetId,
            Groups = [.. names.Select((name, i) => new BreakoutGroup { Id = "g" + (i + 1).ToString(CultureInfo.InvariantCulture), Name = name })],
            Visibility = form.Visibility,
            Language = form.Language,
            Facilitators = [creator.Key],
            Channel = channel,
            TeamId = ChannelConversation.TeamId(activity),
            TenantId = ChannelConversation.TenantId(activity),
            CreatedBy = creator.Key,
            CreatedAt = now,
            AnonymityKeyBase64 = AnonymityKey.Create().ToBase64(),
            UpdatedAt = now,
        };
    }

    private DateOnly Today() => DateOnly.FromDateTime(BangkokTime.ToLocal(time.GetUtcNow()).DateTime);

    private CardActionResult Refuse(string key, int status, string code) => CardActionResult.Refuse(_text.Both(key), status, code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId} created with {Groups} groups")]
    private static partial void LogCreated(ILogger logger, string workshopId, int groups);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a facilitator action ({Action}) to someone who is not a facilitator")]
    private static partial void LogRefused(ILogger logger, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The kickoff card of workshop {WorkshopId} could not be posted or updated (status {Status})")]
    private static partial void LogKickoffFailed(ILogger logger, string workshopId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop set-up could not use the store ({Reason}); nothing was created")]
    private static partial void LogStoreFailed(ILogger logger, string reason);
}
