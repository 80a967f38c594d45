using System.Text.Json;
using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

public sealed class ChartPlotlyTests
{
    private static JsonElement Parse(Chart chart) => JsonDocument.Parse(chart.ToPlotlyJson()).RootElement;

    private static string[] Types(JsonElement fig) => fig.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("type").GetString()!).ToArray();

    [Fact]
    public void LineChartHasOneLinesTracePerSeries()
    {
        var fig = Parse(Chart.Line(new Series("train", [3.0, 2, 1.5]), new Series("valid", [3.5, 2.5, 2])) with { Title = "loss", LogY = true });
        var data = fig.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(["scatter", "scatter"], Types(fig));
        Assert.All(data, t => Assert.Equal("lines+markers", t.GetProperty("mode").GetString()));   // a short sweep gets markers
        Assert.Equal(["train", "valid"], data.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([0.0, 1, 2], data[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        var layout = fig.GetProperty("layout");
        Assert.Equal("loss", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        var range = layout.GetProperty("yaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.True(range[0] < Math.Log10(1.5) && range[1] > Math.Log10(3.5), "log-axis range is in log10 units around the data");
    }

    [Fact]
    public void LongSeriesAreLinesWithoutMarkersUnlessAsked()
    {
        var series = new Series("loss", Enumerable.Range(0, 100).Select(i => 1.0 / (i + 1)).ToArray());
        Assert.Equal("lines", Parse(Chart.Line(series)).GetProperty("data")[0].GetProperty("mode").GetString());
        Assert.Equal("lines+markers", Parse(Chart.Line(series) with { Markers = true }).GetProperty("data")[0].GetProperty("mode").GetString());
    }

    [Fact]
    public void PointsAndDensitiesHaveEqualAxisUnits()
    {
        using var scope = NewDisposeScope();
        var yaxis = Parse(Chart.Scatter(("data", zeros(3, 2)))).GetProperty("layout").GetProperty("yaxis");
        Assert.Equal("x", yaxis.GetProperty("scaleanchor").GetString());
        Assert.Equal(1, yaxis.GetProperty("scaleratio").GetDouble());
        Assert.False(Parse(Chart.Line(new Series("a", [1.0, 2]))).GetProperty("layout").GetProperty("yaxis").TryGetProperty("scaleanchor", out _));
    }

    [Fact]
    public void TheFigureIsAPlotlyNetChart()
    {
        var chart = Chart.Line(new Series("a", [1.0, 2])) with { Title = "t" };
        var figure = chart.ToGenericChart();
        Assert.Equal(chart.ToPlotlyJson(), Plotly.NET.GenericChart.toFigureJson(figure));
        Assert.Equal("t", Parse(chart).GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void SmoothingAddsAFaintRawTraceBehindEachSmoothedOne()
    {
        var fig = Parse(Chart.Line([new Series("loss", [4.0, 2, 3, 1, double.NaN, 1])], smoothing: 0.5));
        var data = fig.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(2, data.Length);
        Assert.False(data[0].GetProperty("showlegend").GetBoolean());
        Assert.True(data[0].GetProperty("opacity").GetDouble() < 1);
        Assert.Equal(JsonValueKind.Null, data[0].GetProperty("y")[4].ValueKind);   // NaN -> null (a gap)
        Assert.Equal(4.0, data[1].GetProperty("y")[0].GetDouble(), 12);            // bias-corrected start
        Assert.Equal((0.5 * 0.5 * 4 + 0.5 * 2) / 0.75, data[1].GetProperty("y")[1].GetDouble(), 6);
    }

    [Fact]
    public void ScatterByClassHasOneMarkersTracePerClass()
    {
        using var scope = NewDisposeScope();
        var points = tensor(new[] { 0f, 0, 1, 1, 2, 2, 3, 3 }).reshape(4, 2);   // (N, 2)
        var labels = tensor(new long[] { 1, 0, 1, 2 });
        var fig = Parse(Chart.Scatter(points, labels, ["zero", "one", "two"]));
        var data = fig.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(["zero", "one", "two"], data.Select(t => t.GetProperty("name").GetString()));
        Assert.All(data, t => Assert.Equal("markers", t.GetProperty("mode").GetString()));
        Assert.Equal([0.0, 2], data[1].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void HistogramTraceCarriesTheSameBinsAsTheStaticChart()
    {
        var fig = Parse(Chart.Histogram([0.0, 1, 1, 2, 4], bins: 4));
        var trace = fig.GetProperty("data")[0];
        Assert.Equal("histogram", trace.GetProperty("type").GetString());
        var bins = trace.GetProperty("xbins");
        Assert.Equal((0.0, 4.0, 1.0), (bins.GetProperty("start").GetDouble(), bins.GetProperty("end").GetDouble(), bins.GetProperty("size").GetDouble()));
    }

    [Fact]
    public void HeatmapWithContoursHasHeatmapAndContourTraces()
    {
        using var scope = NewDisposeScope();
        var z = arange(12).to(ScalarType.Float32).reshape(3, 4);   // (H, W)
        var fig = Parse(Chart.Heatmap(z, (0, 4), (-1, 2), contours: 4));
        Assert.Equal(["heatmap", "contour"], Types(fig));
        var heat = fig.GetProperty("data")[0];
        Assert.Equal(3, heat.GetProperty("z").GetArrayLength());
        Assert.Equal(4, heat.GetProperty("z")[0].GetArrayLength());
        Assert.Equal([0.5, 1.5, 2.5, 3.5], heat.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([-0.5, 0.5, 1.5], heat.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("none", fig.GetProperty("data")[1].GetProperty("contours").GetProperty("coloring").GetString());
    }

    [Fact]
    public void ImageGridBecomesALayoutImageWithHiddenAxes()
    {
        using var scope = NewDisposeScope();
        var fig = Parse(Chart.ImageGrid(rand(4, 1, 28, 28), columns: 2));
        var image = fig.GetProperty("layout").GetProperty("images")[0];
        Assert.StartsWith("data:image/png;base64,", image.GetProperty("source").GetString());
        Assert.False(fig.GetProperty("layout").GetProperty("xaxis").GetProperty("visible").GetBoolean());
    }

    [Fact]
    public void WrongInputsNameTheChartAndTheShape()
    {
        using var scope = NewDisposeScope();
        Assert.Contains("[5, 3]", Assert.Throws<ArgumentException>(() => Chart.Scatter(zeros(5, 3))).Message);
        Assert.Contains("labels", Assert.Throws<ArgumentException>(() => Chart.Scatter(zeros(5, 2), zeros(4))).Message);
        Assert.Contains("Chart.Heatmap", Assert.Throws<ArgumentException>(() => Chart.Heatmap(zeros(5), (0, 1), (0, 1))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Line([new Series("a", [1.0])], smoothing: 1));
        Assert.Throws<ArgumentException>(() => new Series("a", [1.0, 2], [1.0]));
        Assert.Contains("Chart.LatentGrid", Assert.Throws<ArgumentException>(() => Chart.LatentGrid(zeros(8, 1, 4, 4), 3, (0, 1), (0, 1))).Message);
    }
}
