using SP = ScottPlot;

namespace CourseKit.Charts;

/// <summary>The data range a trace covers and whether the axis should leave a margin around it.</summary>
internal readonly record struct Extent(double X0, double X1, double Y0, double Y1, bool PadX, bool PadY);

/// <summary>
/// How a chart draws its traces, decided once per chart: markers on line series (sparse sweeps), and
/// the y value that is plotted (log10 of the data on a logarithmic axis, the data otherwise).
/// </summary>
internal sealed record TraceStyle(bool Markers, bool LogY)
{
    /// <summary>The plotted y of a data value; NaN where a log axis cannot show it (y &lt;= 0), which breaks lines.</summary>
    public double Y(double y) => !LogY ? y : y > 0 ? Math.Log10(y) : double.NaN;
}

/// <summary>
/// One layer of a <see cref="Chart"/>: a set of lines, markers, bars or cells. Each trace gives
/// itself to Plotly.NET (the interactive figure) and to ScottPlot (the static image) from the same
/// numbers, so both show the same thing.
/// </summary>
public abstract class Trace
{
    private protected Trace() { }

    /// <summary>The data range covered; null when the trace does not use the axes.</summary>
    internal abstract Extent? Bounds(bool logY);

    /// <summary>The plotly.js traces (Plotly.NET trace objects).</summary>
    internal abstract IEnumerable<Plotly.NET.Trace> ToPlotly(TraceStyle style);

    /// <summary>Adds the trace's plottables to a ScottPlot plot.</summary>
    internal abstract void AddTo(SP.Plot plot, TraceStyle style);

    /// <summary>The legend entries of the static chart (named traces only).</summary>
    internal virtual IEnumerable<SP.LegendItem> LegendItems(TraceStyle style) => [];

    /// <summary>plotly.js layout images (layout.images entries), for pictures placed in axis units.</summary>
    internal virtual IEnumerable<object> PlotlyImages => [];

    /// <summary>A line series with few enough points that markers help to read it.</summary>
    internal virtual bool IsSparseLine => false;

    /// <summary>A Plotly.NET trace of <paramref name="type"/> with the given plotly.js properties (null values left out).</summary>
    private protected static Plotly.NET.Trace PlotlyTrace(string type, params (string Key, object? Value)[] properties)
    {
        var trace = new Plotly.NET.Trace2D(type);
        foreach (var (key, value) in properties)
            if (value is not null) trace.SetProperty(key, value);
        return trace;
    }

    /// <summary>Numbers for a plotly.js data array: rounded to 6 decimals; NaN and infinities become null (plotly.js leaves a gap).</summary>
    private protected static double?[] Numbers(IEnumerable<double> values) =>
        values.Select(v => double.IsFinite(v) ? Math.Round(v, 6) : (double?)null).ToArray();

    private protected static SP.Color ToScottPlot(Rgba c) => new(c.R, c.G, c.B, c.A);
}
