namespace CourseKit.Charts;

/// <summary>
/// A figure: traces on one pair of axes, with a title, axis labels, a legend and an optional
/// log-scale y axis. Made by the factories (<see cref="Line(Series[])"/>, <see cref="Scatter(torch.Tensor, torch.Tensor?, IReadOnlyList{string}?, double)"/>,
/// <see cref="Histogram(double[], int, string)"/>, <see cref="Heatmap"/>, <see cref="ImageGrid(Imaging.Image, string?)"/>,
/// <see cref="LatentGrid"/>) and adjusted with <c>with</c>:
/// <code>Chart.Line(train, valid) with { Title = "loss", YLabel = "nats", LogY = true }</code>
/// Output: <see cref="ToGenericChart"/> (the Plotly.NET figure, interactive), <see cref="ToPlotlyJson"/> (its
/// plotly.js JSON), <see cref="ToPng"/> and <see cref="ToSvg"/> (the same figure drawn statically by ScottPlot, with
/// real anti-aliased fonts), <see cref="ToHtml"/> (static image that becomes interactive where plotly.js is
/// loaded), <see cref="Save"/>.
/// </summary>
public sealed partial record Chart
{
    /// <summary>The layers, drawn in order (later on top).</summary>
    public IReadOnlyList<Trace> Traces { get; init; } = [];

    public string? Title { get; init; }

    public string? XLabel { get; init; }

    public string? YLabel { get; init; }

    /// <summary>A base-10 logarithmic y axis (values &lt;= 0 are left out).</summary>
    public bool LogY { get; init; }

    /// <summary>Figure width in CSS pixels (the PNG has <c>pixelRatio</c> times as many).</summary>
    public int Width { get; init; } = 640;

    /// <summary>Figure height in CSS pixels.</summary>
    public int Height { get; init; } = 420;

    /// <summary>Draw axes, ticks and grid lines (off for a plain picture such as an image grid).</summary>
    public bool ShowAxes { get; init; } = true;

    /// <summary>Draw the legend, below the plot (it lists named series, groups and histograms).</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>One unit on x as long as one unit on y, so that round clusters look round (2-D points, densities, latent grids).</summary>
    public bool EqualAspect { get; init; }

    /// <summary>Markers on the points of line series; null draws them when every series has at most 30 points (a sweep).</summary>
    public bool? Markers { get; init; }

    /// <summary>This chart's traces with <paramref name="other"/>'s drawn on top (e.g. data points over a density heatmap); this chart's titles and size.</summary>
    public Chart Overlay(Chart other) => this with { Traces = [.. Traces, .. other.Traces] };

    /// <summary>How the traces are drawn: markers (explicit, or automatic for sparse line series) and the y axis scale.</summary>
    internal TraceStyle Style() =>
        new(Markers ?? (Traces.OfType<LineTrace>().Any() && Traces.OfType<LineTrace>().All(t => t.IsSparseLine)), LogY);

    /// <summary>The axes fitted to the traces' data.</summary>
    internal (Axis X, Axis Y) FitAxes()
    {
        double x0 = double.MaxValue, x1 = double.MinValue, y0 = double.MaxValue, y1 = double.MinValue;
        bool padX = false, padY = false;
        foreach (var e in Traces.Select(t => t.Bounds(LogY)).OfType<Extent>())
        {
            if (!(e.X0 <= e.X1) || !(e.Y0 <= e.Y1)) continue;
            (x0, x1, y0, y1) = (Math.Min(x0, e.X0), Math.Max(x1, e.X1), Math.Min(y0, e.Y0), Math.Max(y1, e.Y1));
            padX |= e.PadX;
            padY |= e.PadY;
        }
        return (Axis.Fit(x0, x1, false, padX ? 0.04 : 0), Axis.Fit(y0, y1, LogY, padY ? 0.05 : 0));
    }

    public override string ToString() =>
        $"Chart{(Title is null ? "" : $" '{Title}'")}: {string.Join(", ", Traces.GroupBy(t => t.GetType().Name.Replace("Trace", "")).Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}"))}";
}
