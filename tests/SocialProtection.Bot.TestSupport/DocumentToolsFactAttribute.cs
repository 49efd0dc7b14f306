using Xunit;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// A test that needs LibreOffice and poppler (<see cref="DocumentTools"/>). Without them it is skipped on a developer's
/// machine (with the install command as the reason) but runs, and fails loudly, in CI (<c>CI=true</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DocumentToolsFactAttribute : FactAttribute
{
    public DocumentToolsFactAttribute()
    {
        if (!DocumentTools.Installed && !Chromium.RunningInCi)
        {
            Skip = "LibreOffice or poppler is missing (sudo apt-get install libreoffice-writer-nogui poppler-utils fonts-thai-tlwg; scripts/test.sh does it as root).";
        }
    }
}
