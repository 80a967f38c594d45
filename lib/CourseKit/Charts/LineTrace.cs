using SP = ScottPlot;

namespace CourseKit.Charts;

/// <summary>
/// A series drawn as a line, with markers when the chart asks for them (a sweep over a few settings).
/// With smoothing a &gt; 0 the raw values are drawn faint and the bias-corrected moving average
/// (<see cref="Series.Smooth"/>) on top, in the same colour.
/// </summary>
internal sealed class LineTrace(Series series, Rgba color, double smoothing) : Trace
{
    /// <summary>Line width in CSS pixels.</summary>
    private const double Width = 2;

    /// <summary>Marker diameter in CSS pixels.</summary>
    private const double MarkerSize = 7;

    /// <summary>Opacity of the raw values under a smoothed line.</summary>
    private const double RawOpacity = 0.3;

    /// <summary>At most this many points count as a sparse sweep that gets markers.</summary>
    internal const int SparsePoints = 30;

    private readonly double[]? smoothed = smoothing > 0 ? Series.Smooth(series.Y, smoothing) : null;

    internal override bool IsSparseLine => series.X.Count <= SparsePoints;

    internal override Extent? Bounds(bool logY)
    {
        double x0 = double.MaxValue, x1 = double.MinValue, y0 = double.MaxValue, y1 = double.MinValue;
        for (var i = 0; i < series.X.Count; i++)
        {
            double x = series.X[i], y = series.Y[i];
            if (!double.IsFinite(x) || !double.IsFinite(y) || (logY && y <= 0)) continue;
            (x0, x1, y0, y1) = (Math.Min(x0, x), Math.Max(x1, x), Math.Min(y0, y), Math.Max(y1, y));
        }
        return new Extent(x0, x1, y0, y1, PadX: IsSparseLine, PadY: true);   // a sparse line has markers: the end ones stay whole
    }

    internal override IEnumerable<Plotly.NET.Trace> ToPlotly(TraceStyle style)
    {
        if (smoothed is not null) yield return Plotly(series.Y, RawOpacity, showLegend: false, markers: false);
        yield return Plotly(smoothed ?? series.Y, 1, showLegend: true, style.Markers);
    }

    private Plotly.NET.Trace Plotly(IReadOnlyList<double> ys, double opacity, bool showLegend, bool markers) =>
        PlotlyTrace("scatter",
            ("mode", markers ? "lines+markers" : "lines"),
            ("name", series.Name),
            ("legendgroup", series.Name),
            ("showlegend", showLegend && series.Name.Length > 0),
            ("opacity", opacity < 1 ? opacity : null),
            ("x", Numbers(series.X)),
            ("y", Numbers(ys)),
            ("line", new { color = color.ToHex(), width = Width }),
            ("marker", markers ? new { color = color.ToHex(), size = MarkerSize } : null));

    internal override void AddTo(SP.Plot plot, TraceStyle style)
    {
        if (smoothed is not null) Add(plot, style, series.Y, color.WithAlpha(RawOpacity), markers: false);
        Add(plot, style, smoothed ?? series.Y, color, style.Markers);
    }

    private void Add(SP.Plot plot, TraceStyle style, IReadOnlyList<double> ys, Rgba c, bool markers)
    {
        var line = plot.Add.ScatterLine(series.X.ToArray(), ys.Select(style.Y).ToArray(), ToScottPlot(c));
        line.LineWidth = (float)Width;
        if (markers)
        {
            line.MarkerShape = SP.MarkerShape.FilledCircle;
            line.MarkerSize = (float)MarkerSize;
        }
    }

    internal override IEnumerable<SP.LegendItem> LegendItems(TraceStyle style) =>
        series.Name.Length == 0 ? [] :
        [new SP.LegendItem
        {
            LabelText = series.Name,
            LineColor = ToScottPlot(color),
            LineWidth = (float)Width,
            MarkerShape = style.Markers ? SP.MarkerShape.FilledCircle : SP.MarkerShape.None,
            MarkerFillColor = ToScottPlot(color),
            MarkerSize = (float)MarkerSize,
        }];
}
