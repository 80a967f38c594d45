using System.Diagnostics;

namespace CourseKit.Notebooks.Tests;

/// <summary>Headless Chromium (Debian package <c>chromium</c>, installed by scripts/setup.sh) for page screenshots.</summary>
internal static class Chromium
{
    public static string? Executable { get; } =
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Opens <paramref name="htmlPath"/> and writes a <paramref name="width"/> x <paramref name="height"/> PNG screenshot.</summary>
    public static void Screenshot(string htmlPath, string pngPath, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("coursekit-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("chromium is not installed"))
            {
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    $"--user-data-dir={profile.FullName}", $"--screenshot={pngPath}", $"--window-size={width},{height}",
                    new Uri(htmlPath).AbsoluteUri,
                },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish the screenshot within 60 s");
            }
            if (!File.Exists(pngPath)) throw new InvalidOperationException($"chromium wrote no screenshot: {stderr.Result}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}

/// <summary>A fact that is skipped, with the reason, when Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null) Skip = "chromium is not installed (scripts/setup.sh installs the Debian package chromium)";
    }
}
