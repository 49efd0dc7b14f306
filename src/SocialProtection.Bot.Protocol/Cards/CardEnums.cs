namespace SocialProtection.Bot.Protocol.Cards;

// The Adaptive Cards enumerations; serialized camelCase ("extraLarge") by AdaptiveCardJson.

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

public enum TextWeight { Default, Lighter, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum TextBlockStyle { Default, Heading }

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

public enum HorizontalAlignment { Left, Center, Right }

public enum VerticalAlignment { Top, Center, Bottom }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public enum ChoiceInputStyle { Compact, Expanded }

public enum TextInputStyle { Text, Tel, Url, Email }

/// <summary>Which inputs an action sends: "auto" (those of its card) or "none".</summary>
public enum AssociatedInputs { Auto, None }
