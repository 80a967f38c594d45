using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// Builds a chart's Plotly.NET figure (<see cref="GenericChart"/>): the traces' plotly.js objects and
/// a layout whose axis ranges are the ones the static image uses, so both show the same view.
/// plotly.js reference: https://plotly.com/javascript/reference/. No Plotly.NET template is applied
/// (white background, light grid), matching the static image.
/// </summary>
internal static class PlotlyFigure
{
    /// <summary>The font of the interactive chart, matching the static image's (<see cref="StaticChart.FontName"/>).</summary>
    private const string FontFamily = "DejaVu Sans, Verdana, Arial, sans-serif";

    /// <summary>Distance from the plot area's bottom edge to the legend's top, CSS pixels (clears tick labels and the axis title).</summary>
    private const int LegendGap = 62;

    public static GenericChart Build(Chart chart)
    {
        var style = chart.Style();
        var traces = chart.Traces.SelectMany(t => t.ToPlotly(style)).ToList();
        var figure = GenericChart.ofTraceObjects(false, traces);
        return GenericChart.setLayout(Layout(chart), figure);
    }

    private static Layout Layout(Chart chart)
    {
        var (x, y) = chart.FitAxes();
        var legend = chart.ShowLegend && chart.Traces.Any(t => t.LegendItems(chart.Style()).Any());
        var colorBar = chart.Traces.OfType<HeatmapTrace>().Any();
        var layout = new Layout();
        void Set(string key, object? value) { if (value is not null) layout.SetProperty(key, value); }
        Set("width", chart.Width);
        Set("height", chart.Height);
        Set("title", chart.Title is null ? null : new { text = chart.Title, x = 0.5, xanchor = "center", font = new { size = 16 } });
        Set("font", new { family = FontFamily, size = 13, color = "#282828" });
        Set("showlegend", legend);
        // Below the x axis title, a fixed LegendGap pixels under the plot area (legend y is in plot-area fractions).
        var top = chart.Title is null ? 20 : 50;
        var bottom = legend ? 110 : 60;
        var plotHeight = Math.Max(100, chart.Height - top - bottom);
        Set("legend", new { orientation = "h", x = 0.5, xanchor = "center", y = -Math.Round(LegendGap / (double)plotHeight, 4), yanchor = "top" });
        Set("barmode", "overlay");
        Set("plot_bgcolor", "#ffffff");
        Set("paper_bgcolor", "#ffffff");
        Set("margin", new { t = top, r = colorBar ? 10 : 20, l = 70, b = bottom });
        Set("xaxis", Axis(x, chart.XLabel, chart.ShowAxes, null));
        Set("yaxis", Axis(y, chart.YLabel, chart.ShowAxes, chart.EqualAspect ? "x" : null));
        Set("images", chart.Traces.SelectMany(t => t.PlotlyImages).ToArray());
        return layout;
    }

    private static Dictionary<string, object> Axis(Axis axis, string? label, bool visible, string? scaleAnchor)
    {
        var result = new Dictionary<string, object>
        {
            ["type"] = axis.Log ? "log" : "linear",
            ["range"] = new[] { Math.Round(axis.Transform(axis.Lo), 9), Math.Round(axis.Transform(axis.Hi), 9) },   // log axes take log10 units
            ["visible"] = visible,
            ["zeroline"] = false,
            ["showgrid"] = true,
            ["gridcolor"] = Rgba.Grid.ToHex(),
            ["linecolor"] = Rgba.Axis.ToHex(),
            ["showline"] = true,
            ["mirror"] = true,
            ["ticks"] = "outside",
        };
        if (label is not null) result["title"] = new { text = label };
        if (scaleAnchor is not null)
        {
            result["scaleanchor"] = scaleAnchor;
            result["scaleratio"] = 1;
        }
        return result;
    }
}
