using System.Text.Json;

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

    internal override Extent? Bounds(bool logY)
    {
        var max = counts.Length == 0 ? 1 : Math.Max(1, counts.Max());
        return new Extent(lo, lo + step * counts.Length, logY ? 0.5 : 0, logY ? max * 1.5 : max * 1.05, PadX: false, PadY: false);
    }

    internal override void Draw(Scene scene, PlotFrame frame)
    {
        var baseline = frame.Y.Log ? frame.Top + frame.Height : frame.PixelY(0);
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] == 0) continue;
            double x0 = frame.PixelX(lo + k * step), x1 = frame.PixelX(lo + (k + 1) * step), top = frame.PixelY(counts[k]);
            scene.Add(new RectShape(x0, top, x1 - x0, baseline - top, color, Rgba.White));
        }
    }

    internal override void WritePlotly(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "histogram");
        json.WriteString("name", name);
        WriteNumbers(json, "x", values);
        json.WriteBoolean("autobinx", false);
        json.WriteStartObject("xbins");
        json.WriteNumber("start", lo);
        json.WriteNumber("end", lo + step * counts.Length);
        json.WriteNumber("size", step);
        json.WriteEndObject();
        json.WriteStartObject("marker");
        json.WriteString("color", color.ToHex());
        json.WriteStartObject("line");
        json.WriteString("color", "#ffffff");
        json.WriteNumber("width", 1);
        json.WriteEndObject();
        json.WriteEndObject();
        if (color.A < 255) json.WriteNumber("opacity", Math.Round(color.A / 255.0, 3));
        json.WriteEndObject();
    }

    internal override IEnumerable<LegendEntry> Legend => [new(name, color, LegendSymbol.Box)];
}
