namespace SocialProtection.Bot.Storage;

/// <summary>The lease lengths both stores accept: Blob Storage's finite range.</summary>
internal static class LeaseDuration
{
    public static readonly TimeSpan Min = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    public static void Validate(TimeSpan duration)
    {
        if (duration < Min || duration > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts from 15 to 60 seconds.");
        }
    }
}
