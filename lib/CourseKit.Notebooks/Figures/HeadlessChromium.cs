using System.Diagnostics;

namespace CourseKit.Notebooks.Figures;

/// <summary>
/// Headless Chromium (Debian package <c>chromium</c>, installed by scripts/setup.sh): page screenshots, and
/// the document as scripts left it (<c>--dump-dom</c>), with no network and a throw-away profile.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>The browser found on this machine, or null.</summary>
    public static string? Executable { get; } =
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Opens <paramref name="htmlPath"/> and writes a <paramref name="width"/> x <paramref name="height"/> PNG screenshot.</summary>
    public static void Screenshot(string htmlPath, string pngPath, int width, int height)
    {
        Run([$"--screenshot={pngPath}", $"--window-size={width},{height}", new Uri(htmlPath).AbsoluteUri], TimeSpan.FromSeconds(60));
        if (!File.Exists(pngPath)) throw new InvalidOperationException($"chromium wrote no screenshot of {htmlPath}");
    }

    /// <summary>
    /// Opens <paramref name="htmlPath"/>, lets its scripts run for up to <paramref name="scriptTime"/> of the
    /// browser's virtual time (asynchronous work included), and returns the resulting document as HTML.
    /// </summary>
    public static string DumpDom(string htmlPath, TimeSpan scriptTime) =>
        Run([$"--virtual-time-budget={(long)scriptTime.TotalMilliseconds}", "--dump-dom", new Uri(htmlPath).AbsoluteUri],
            scriptTime + TimeSpan.FromSeconds(120));

    private static string Run(IEnumerable<string> arguments, TimeSpan limit)
    {
        var profile = Directory.CreateTempSubdirectory("coursekit-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(
                "chromium is not installed (scripts/setup.sh installs the Debian package chromium)"))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                         $"--user-data-dir={profile.FullName}"])
                start.ArgumentList.Add(argument);
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within {limit.TotalSeconds:F0} s");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"chromium exited with code {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
