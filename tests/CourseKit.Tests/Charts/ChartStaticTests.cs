using System.Xml.Linq;
using CourseKit.Charts;
using CourseKit.Imaging;

namespace CourseKit.Tests.Charts;

public sealed class ChartStaticTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Chart TwoLines() =>
        Chart.Line(new Series("train", [5.0, 3, 2, 1.5, 1.2]), new Series("valid", [5.5, 4, 3, 2.5, 2.4])) with { Title = "loss", YLabel = "nats" };

    private static List<string> SvgTexts(Chart chart) =>
        XDocument.Parse(chart.ToSvg()).Descendants(Svg + "text").Select(t => t.Value.Trim()).Where(t => t.Length > 0).ToList();

    [Fact]
    public void SvgIsWellFormedWithTitleAxisLabelsAndLegendAsText()
    {
        var texts = SvgTexts(TwoLines());
        Assert.Contains("loss", texts);
        Assert.Contains("nats", texts);
        Assert.Contains("step", texts);
        Assert.Contains("train", texts);
        Assert.Contains("valid", texts);
    }

    [Fact]
    public void LogAxisIsLabelledAtOneTwoAndFiveTimesPowersOfTen()
    {
        var (major, minor) = LogTicks.Values(0.04, 3);
        Assert.Equal([0.05, 0.1, 0.2, 0.5, 1, 2], major.Select(v => Math.Round(v, 9)));
        Assert.Contains(0.3, minor.Select(v => Math.Round(v, 9)));
        Assert.Equal([1.0, 10, 100, 1000, 10000, 100000], LogTicks.Values(1, 1e5).Major.Select(v => Math.Round(v, 6)));
        var texts = SvgTexts(Chart.Line(new Series("loss", [4.0, 2, 1, 0.5, 0.2, 0.1, 0.05])) with { LogY = true });
        Assert.True(texts.Count(t => t is "0.1" or "0.2" or "0.5" or "1" or "2") >= 4, "the log axis shows more than two labelled ticks: " + string.Join(" ", texts));
    }

    [Fact]
    public void RasterLineChartShowsTheSeriesColourInThePlotArea()
    {
        var chart = Chart.Line(new Series("loss", [4.0, 3, 2.5, 2, 1.8, 1.7])) with { ShowLegend = false };
        var image = Image.FromPng(chart.ToPng(pixelRatio: 1)).ConvertTo(3);
        Assert.Equal((chart.Width, chart.Height), (image.Width, image.Height));
        var blue = Palette.Series(0);
        int hits = 0, inked = 0;
        for (var y = 40; y < chart.Height - 60; y++)
            for (var x = 80; x < chart.Width - 40; x++)
            {
                var p = image.Pixel(x, y);
                if (Math.Abs(p[0] - blue.R) + Math.Abs(p[1] - blue.G) + Math.Abs(p[2] - blue.B) < 30) hits++;
                if (p[0] + p[1] + p[2] < 3 * 200) inked++;
            }
        Assert.True(hits > 300, $"only {hits} pixels in the series colour");
        Assert.True(inked > hits, "there is more than the line (grid, frame)");
    }

    [Fact]
    public void PixelRatioScalesThePng()
    {
        var chart = TwoLines() with { Width = 300, Height = 200 };
        var image = Image.FromPng(chart.ToPng(pixelRatio: 2));
        Assert.Equal((600, 400), (image.Width, image.Height));
    }

    [Fact]
    public void HtmlSnippetHoldsTheStaticImageAndThePlotlyFigure()
    {
        var html = TwoLines().ToHtml();
        Assert.Contains("<img src=\"data:image/png;base64,", html);
        Assert.Contains("Plotly", html);
        Assert.Contains("\"type\":\"scatter\"", html);
        var start = html.IndexOf("base64,", StringComparison.Ordinal) + 7;
        var png = Image.FromPng(Convert.FromBase64String(html[start..html.IndexOf('"', start)]));
        Assert.Equal(2 * 640, png.Width);
    }

    [Fact]
    public void SaveChoosesTheFormatFromTheExtension()
    {
        var folder = Directory.CreateTempSubdirectory("coursekit-chart-").FullName;
        try
        {
            var chart = TwoLines();
            foreach (var ext in new[] { "png", "svg", "html", "json" }) chart.Save(Path.Combine(folder, "c." + ext), plotlyJsPath: null);
            Assert.Equal(1280, Image.Load(Path.Combine(folder, "c.png")).Width);
            XDocument.Parse(File.ReadAllText(Path.Combine(folder, "c.svg")));
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(folder, "c.html")));
            System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "c.json")));
            var fake = Path.Combine(folder, "plotly.min.js");
            File.WriteAllText(fake, "window.Plotly = {newPlot: function () {}}; // stand-in");
            chart.Save(Path.Combine(folder, "d.html"), fake);
            Assert.Contains("stand-in", File.ReadAllText(Path.Combine(folder, "d.html")));
            Assert.Throws<ArgumentException>(() => chart.Save(Path.Combine(folder, "c.gif")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
