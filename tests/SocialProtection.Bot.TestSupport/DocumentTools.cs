using System.Diagnostics;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// The real tools that check a produced document as a reader would get it: LibreOffice headless (Debian's
/// libreoffice-writer-nogui) to turn a .docx into a PDF, and poppler (poppler-utils) for pdftotext, pdffonts and
/// pdftoppm. scripts/test.sh installs them as root; CI (CI=true) fails without them, never skips.
/// </summary>
public static class DocumentTools
{
    public static string? Soffice => Find("soffice", "libreoffice");

    public static string? PdfToText => Find("pdftotext");

    public static string? PdfToPpm => Find("pdftoppm");

    public static string? PdfFonts => Find("pdffonts");

    public static bool Installed => Soffice is not null && PdfToText is not null && PdfToPpm is not null && PdfFonts is not null;

    /// <summary>Runs <paramref name="executable"/> and returns its standard output; throws with its error output when it fails or overruns.</summary>
    public static async Task<string> RunAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(executable)} took longer than {timeout}: {await error}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} exited {process.ExitCode}: {await error}");
        }
        return await output;
    }

    private static string? Find(params string[] names) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
}
