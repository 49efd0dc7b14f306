namespace SocialProtection.Bot.Protocol.Cards;

public sealed record ToggleVisibilityAction(IReadOnlyList<TargetElement> TargetElements) : AdaptiveAction;
