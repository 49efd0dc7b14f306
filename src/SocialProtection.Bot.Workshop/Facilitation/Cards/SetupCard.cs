using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Facilitation;
using static SocialProtection.Bot.Workshop.Facilitation.Cards.FacilitationCardParts;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>
/// The set-up card a facilitator fills in the channel: title, date, breakout groups (one per line), anonymous or named
/// answers, and the question set when there is a choice. Its Create button carries the new workshop's id, fixed when
/// the card is made, so pressing it twice (or Teams redelivering the press) creates one workshop.
/// </summary>
internal static class SetupCard
{
    private const int GroupsMaxLength = 3_000;

    /// <summary>
    /// The card for <paramref name="input"/> (a fresh card: only the id and perhaps a title), showing
    /// <paramref name="problems"/> from an earlier press above the fields.
    /// </summary>
    public static AdaptiveCard Build(
        WorkshopSetupInput input,
        DateOnly today,
        IReadOnlyList<QuestionSet> sets,
        IReadOnlyList<(string Key, object[] Args)>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new List<AdaptiveElement>();
        body.AddRange(Title(FacilitationTextKeys.SetupTitle));
        body.AddRange(Problems(problems ?? []));
        body.Add(new TextInput
        {
            Id = FacilitationFields.Title,
            Label = Strings.Both(FacilitationTextKeys.SetupFieldTitle),
            IsRequired = true,
            ErrorMessage = Strings.Both(FacilitationTextKeys.SetupErrorTitle),
            MaxLength = WorkshopSetupInput.MaxTitleLength,
            Value = input.Title,
        });
        body.Add(new DateInput
        {
            Id = FacilitationFields.Date,
            Label = Strings.Both(FacilitationTextKeys.SetupFieldDate),
            IsRequired = true,
            ErrorMessage = Strings.Both(FacilitationTextKeys.SetupErrorDate),
            Value = input.Date ?? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        body.Add(new TextInput
        {
            Id = FacilitationFields.Groups,
            Label = Strings.Both(FacilitationTextKeys.SetupFieldGroups),
            Placeholder = Strings.Format(FacilitationTextKeys.SetupGroupsPlaceholder, Language.Thai),
            IsMultiline = true,
            MaxLength = GroupsMaxLength,
            Value = input.Groups,
        });
        body.Add(new ChoiceSetInput(
        [
            new Choice(Strings.Both(FacilitationTextKeys.SetupAnonymous), FacilitationFields.Anonymous),
            new Choice(Strings.Both(FacilitationTextKeys.SetupNamed), FacilitationFields.Named),
        ])
        {
            Id = FacilitationFields.Visibility,
            Label = Strings.Both(FacilitationTextKeys.SetupFieldVisibility),
            Style = ChoiceInputStyle.Expanded,
            Value = input.Visibility ?? FacilitationFields.Anonymous,
            IsRequired = true,
            ErrorMessage = Strings.Both(FacilitationTextKeys.SetupErrorVisibility),
        });
        body.Add(new ChoiceSetInput(
        [
            new Choice("ภาษาไทย / Thai", FacilitationFields.Thai),
            new Choice("English / ภาษาอังกฤษ", FacilitationFields.English),
        ])
        {
            Id = FacilitationFields.Language,
            Label = Strings.Both(FacilitationTextKeys.SetupFieldLanguage),
            Style = ChoiceInputStyle.Expanded,
            Value = input.Language ?? FacilitationFields.Thai,
            IsRequired = true,
            ErrorMessage = Strings.Both(FacilitationTextKeys.SetupErrorLanguage),
        });
        if (sets.Count > 1)
        {
            body.Add(new ChoiceSetInput([.. sets.Select(s => new Choice(Label(s.Title.Th + " / " + s.Title.En), s.Id))])
            {
                Id = FacilitationFields.QuestionSet,
                Label = Strings.Both(FacilitationTextKeys.SetupFieldQuestionSet),
                Style = ChoiceInputStyle.Compact,
                Value = input.QuestionSetId ?? sets[0].Id,
                IsRequired = true,
                ErrorMessage = Strings.Both(FacilitationTextKeys.SetupErrorQuestionSet),
            });
        }
        body.Add(Hint(FacilitationTextKeys.SetupHint));
        return Card(body, [Button(FacilitationTextKeys.SetupCreate, FacilitationVerbs.Create, new WorkshopSetupInput { WorkshopId = input.WorkshopId }, sendsInputs: true)]);
    }
}
