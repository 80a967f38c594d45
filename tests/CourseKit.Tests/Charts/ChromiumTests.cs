using System.Diagnostics;
using CourseKit.Charts;
using CourseKit.Imaging;

namespace CourseKit.Tests.Charts;

/// <summary>A test that runs headless Chromium; skipped, saying why, where /usr/bin/chromium does not exist.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium)) Skip = $"needs {Chromium}";
    }
}

/// <summary>
/// A chart's standalone HTML page without plotly.js, opened in headless Chromium: the browser decodes
/// CourseKit's PNG (an independent decoder) and CourseKit decodes the browser's screenshot.
/// </summary>
public sealed class ChromiumTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("coursekit-chromium-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [ChromiumFact]
    public void StaticChartPageRendersTheChartInTheBrowser()
    {
        var chart = Chart.Line(new Series("loss", [4.0, 3, 2.5, 2, 1.8, 1.7])) with { Title = "loss" };
        var page = Path.Combine(folder, "chart.html");
        var shot = Path.Combine(folder, "shot.png");
        File.WriteAllText(page, chart.ToHtml());   // no plotly.js here: the static image stays
        var (code, output) = ExternalProcess.Run(ChromiumFactAttribute.Chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--user-data-dir={folder}/profile",
             $"--window-size={chart.Width + 40},{chart.Height + 40}", $"--screenshot={shot}", new Uri(page).AbsoluteUri],
            TimeSpan.FromMinutes(2));
        Assert.True(code != -1, "chromium did not finish: " + output);
        var image = Image.Load(shot).ConvertTo(3);
        var blue = Palette.Series(0);
        var hits = 0;
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
            {
                var p = image.Pixel(x, y);
                if (Math.Abs(p[0] - blue.R) + Math.Abs(p[1] - blue.G) + Math.Abs(p[2] - blue.B) < 40) hits++;
            }
        Assert.True(hits > 200, $"the screenshot shows only {hits} pixels in the series colour");
    }
}
