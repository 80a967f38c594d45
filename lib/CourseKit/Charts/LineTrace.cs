using System.Text.Json;

namespace CourseKit.Charts;

/// <summary>
/// A series drawn as a line. With smoothing a &gt; 0 the raw values are drawn faint and the
/// bias-corrected moving average (<see cref="Series.Smooth"/>) on top, in the same colour.
/// </summary>
internal sealed class LineTrace(Series series, Rgba color, double smoothing) : Trace
{
    private const double Width = 2;
    private const double RawOpacity = 0.3;

    private readonly double[]? smoothed = smoothing > 0 ? Series.Smooth(series.Y, smoothing) : null;

    internal override Extent? Bounds(bool logY)
    {
        double x0 = double.MaxValue, x1 = double.MinValue, y0 = double.MaxValue, y1 = double.MinValue;
        for (var i = 0; i < series.X.Count; i++)
        {
            double x = series.X[i], y = series.Y[i];
            if (!double.IsFinite(x) || !double.IsFinite(y) || (logY && y <= 0)) continue;
            (x0, x1, y0, y1) = (Math.Min(x0, x), Math.Max(x1, x), Math.Min(y0, y), Math.Max(y1, y));
        }
        return new Extent(x0, x1, y0, y1, PadX: false, PadY: true);
    }

    internal override void Draw(Scene scene, PlotFrame frame)
    {
        if (smoothed is null)
        {
            DrawPolyline(scene, frame, series.Y, color);
            return;
        }
        DrawPolyline(scene, frame, series.Y, color.WithAlpha(RawOpacity));
        DrawPolyline(scene, frame, smoothed, color);
    }

    /// <summary>One polyline per run of drawable points (a NaN, or y &lt;= 0 on a log axis, breaks the line).</summary>
    private void DrawPolyline(Scene scene, PlotFrame frame, IReadOnlyList<double> ys, Rgba c)
    {
        var run = new List<(double, double)>();
        for (var i = 0; i <= ys.Count; i++)
        {
            double px = i < ys.Count ? frame.PixelX(series.X[i]) : double.NaN, py = i < ys.Count ? frame.PixelY(ys[i]) : double.NaN;
            if (double.IsFinite(px) && double.IsFinite(py))
            {
                run.Add((px, py));
                continue;
            }
            if (run.Count > 0) scene.Add(new LineShape(run, c, Width));
            run = [];
        }
    }

    internal override void WritePlotly(Utf8JsonWriter json)
    {
        if (smoothed is not null) Write(json, series.Y, RawOpacity, showLegend: false);
        Write(json, smoothed ?? series.Y, 1, showLegend: true);
    }

    private void Write(Utf8JsonWriter json, IReadOnlyList<double> ys, double opacity, bool showLegend)
    {
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "lines");
        json.WriteString("name", series.Name);
        json.WriteString("legendgroup", series.Name);
        json.WriteBoolean("showlegend", showLegend);
        if (opacity < 1) json.WriteNumber("opacity", opacity);
        WriteNumbers(json, "x", series.X);
        WriteNumbers(json, "y", ys);
        json.WriteStartObject("line");
        json.WriteString("color", color.ToHex());
        json.WriteNumber("width", Width);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal override IEnumerable<LegendEntry> Legend => [new(series.Name, color, LegendSymbol.Line)];
}
