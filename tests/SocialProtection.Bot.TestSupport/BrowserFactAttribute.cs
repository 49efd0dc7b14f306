using Xunit;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// A test that drives Chromium. Without Chromium it is skipped on a developer's machine (with the install
/// command as the reason) but runs, and fails loudly, in CI (<c>CI=true</c>): a browser test never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.FindExecutable() is null && !Chromium.RunningInCi)
        {
            Skip = "Chromium is not installed (sudo apt-get install chromium; scripts/test.sh does it as root).";
        }
    }
}
