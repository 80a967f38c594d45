using System.Xml.Linq;
using CourseKit.Charts;
using CourseKit.Imaging;

namespace CourseKit.Tests.Charts;

public sealed class ChartStaticTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Chart TwoLines() =>
        Chart.Line(new Series("train", [5.0, 3, 2, 1.5, 1.2]), new Series("valid", [5.5, 4, 3, 2.5, 2.4])) with { Title = "loss", YLabel = "nats" };

    [Fact]
    public void SvgIsWellFormedWithOnePolylinePerSeriesPlusAxes()
    {
        var doc = XDocument.Parse(TwoLines().ToSvg());
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        var colours = doc.Descendants(Svg + "polyline").Select(p => (string)p.Attribute("stroke")!).ToList();
        Assert.Equal(2, colours.Count(c => c == Palette.Series(0).ToHex()));   // the series and its legend sample
        Assert.Equal(2, colours.Count(c => c == Palette.Series(1).ToHex()));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "loss");
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "valid");
    }

    [Fact]
    public void ScatterSvgHasOneCirclePerPointAndLegendEntry()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        var chart = Chart.Scatter(("data", randn(30, 2)), ("model", randn(20, 2)));
        var doc = XDocument.Parse(chart.ToSvg());
        Assert.Equal(30 + 20 + 2, doc.Descendants(Svg + "circle").Count());
    }

    [Fact]
    public void HistogramSvgHasOneBarPerNonEmptyBin()
    {
        var chart = Chart.Histogram([0.0, 0.1, 1, 2.9, 3], bins: 3) with { ShowLegend = false };
        var doc = XDocument.Parse(chart.ToSvg());
        var bars = doc.Descendants(Svg + "rect").Where(r => (string)r.Attribute("fill")! == Palette.Series(0).ToHex()).ToList();
        Assert.Equal(3, bars.Count);
        var heights = bars.Select(b => double.Parse((string)b.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(heights[0], heights[2], 1);   // 2 values in [0, 1) and 2 in [2, 3]
        Assert.Equal(heights[0] / 2, heights[1], 1);
    }

    [Fact]
    public void HeatmapSvgEmbedsTheCellsAndDrawsContours()
    {
        using var scope = NewDisposeScope();
        var g = linspace(-2, 2, 21);
        var z = -(g.reshape(21, 1).pow(2) + g.reshape(1, 21).pow(2));   // (21, 21) log-density up to a constant
        var doc = XDocument.Parse(Chart.Heatmap(z, (-2, 2), (-2, 2), contours: 5).ToSvg());
        Assert.Equal(2, doc.Descendants(Svg + "image").Count());   // the cells and the colour bar
        Assert.True(doc.Descendants(Svg + "path").Count() >= 3, "contour levels are drawn");
    }

    [Fact]
    public void RasterLineChartShowsTheSeriesColourInThePlotArea()
    {
        var chart = Chart.Line(new Series("loss", [4.0, 3, 2.5, 2, 1.8, 1.7])) with { ShowLegend = false };
        var image = Image.FromPng(chart.ToPng(pixelRatio: 1));
        Assert.Equal((chart.Width, chart.Height, 3), (image.Width, image.Height, image.Channels));
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
        var image = chart.ToImage(pixelRatio: 2);
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
