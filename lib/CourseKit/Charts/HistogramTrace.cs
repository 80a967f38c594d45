using SP = ScottPlot;

namespace CourseKit.Charts;

/// <summary>
/// Counts of <c>values</c> in equal bins [lo + k step, lo + (k + 1) step), k = 0..bins-1 (the last
/// bin also holds hi), drawn as bars; plotly.js gets the same bins (xbins start, end, size).
/// </summary>
internal sealed class HistogramTrace : Trace
{
    private readonly string name;
    private readonly double[] values;
    private readonly double lo, step;
    private readonly int[] counts;
    private readonly Rgba color;

    public HistogramTrace(string name, double[] values, double lo, double hi, int bins, Rgba color)
    {
        this.name = name;
        this.values = values;
        this.lo = lo;
        this.color = color;
        step = (hi - lo) / bins;
        counts = new int[bins];
        foreach (var v in values)
            if (double.IsFinite(v) && v >= lo && v <= hi)
                counts[Math.Min(bins - 1, (int)((v - lo) / step))]++;
    }

    /// <summary>The count in each bin.</summary>
    internal IReadOnlyList<int> Counts => counts;

    internal override Extent? Bounds(bool logY)
    {
        var max = counts.Length == 0 ? 1 : Math.Max(1, counts.Max());
        return new Extent(lo, lo + step * counts.Length, logY ? 0.5 : 0, logY ? max * 1.5 : max * 1.05, PadX: false, PadY: false);
    }

    internal override IEnumerable<Plotly.NET.Trace> ToPlotly(TraceStyle style) =>
    [
        PlotlyTrace("histogram",
            ("name", name),
            ("showlegend", name.Length > 0),
            ("x", Numbers(values)),
            ("autobinx", false),
            ("xbins", new { start = lo, end = lo + step * counts.Length, size = step }),
            ("marker", new { color = color.ToHex(), line = new { color = "#ffffff", width = 1 } }),
            ("opacity", color.A < 255 ? Math.Round(color.A / 255.0, 3) : (double?)null)),
    ];

    internal override void AddTo(SP.Plot plot, TraceStyle style)
    {
        var bars = Enumerable.Range(0, counts.Length).Where(k => counts[k] > 0).Select(k => new SP.Bar
        {
            Position = lo + (k + 0.5) * step,
            Value = style.Y(counts[k]),
            ValueBase = style.LogY ? Math.Log10(0.5) : 0,
            Size = step,
            FillColor = ToScottPlot(color),
            LineColor = SP.Colors.White,
            LineWidth = 1,
        }).ToList();
        if (bars.Count > 0) plot.Add.Bars(bars);
    }

    internal override IEnumerable<SP.LegendItem> LegendItems(TraceStyle style) =>
        name.Length == 0 ? [] : [new SP.LegendItem { LabelText = name, FillColor = ToScottPlot(color) }];
}
