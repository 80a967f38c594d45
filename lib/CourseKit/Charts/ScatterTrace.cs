using SP = ScottPlot;

namespace CourseKit.Charts;

/// <summary>2-D points of one group (a class, or "data" vs "model") drawn as discs of one colour.</summary>
internal sealed class ScatterTrace(string name, double[] x, double[] y, Rgba color, double markerSize) : Trace
{
    internal override Extent? Bounds(bool logY)
    {
        double x0 = double.MaxValue, x1 = double.MinValue, y0 = double.MaxValue, y1 = double.MinValue;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]) || (logY && y[i] <= 0)) continue;
            (x0, x1, y0, y1) = (Math.Min(x0, x[i]), Math.Max(x1, x[i]), Math.Min(y0, y[i]), Math.Max(y1, y[i]));
        }
        return new Extent(x0, x1, y0, y1, PadX: true, PadY: true);
    }

    internal override IEnumerable<Plotly.NET.Trace> ToPlotly(TraceStyle style) =>
    [
        PlotlyTrace("scatter",
            ("mode", "markers"),
            ("name", name),
            ("showlegend", name.Length > 0),
            ("x", Numbers(x)),
            ("y", Numbers(y)),
            ("marker", new { color = color.ToHex(), size = markerSize, opacity = Math.Round(color.A / 255.0, 3) })),
    ];

    internal override void AddTo(SP.Plot plot, TraceStyle style)
    {
        var markers = plot.Add.Markers(x, y.Select(style.Y).ToArray(), SP.MarkerShape.FilledCircle, (float)markerSize, ToScottPlot(color));
        markers.MarkerLineWidth = 0;
    }

    internal override IEnumerable<SP.LegendItem> LegendItems(TraceStyle style) =>
        name.Length == 0 ? [] :
        [new SP.LegendItem
        {
            LabelText = name,
            MarkerShape = SP.MarkerShape.FilledCircle,
            MarkerFillColor = ToScottPlot(color with { A = 255 }),
            MarkerSize = (float)Math.Max(markerSize, 7),
        }];
}
