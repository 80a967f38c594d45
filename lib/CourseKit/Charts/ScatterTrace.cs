using System.Text.Json;

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

    internal override void Draw(Scene scene, PlotFrame frame)
    {
        for (var i = 0; i < x.Length; i++)
        {
            double px = frame.PixelX(x[i]), py = frame.PixelY(y[i]);
            if (double.IsFinite(px) && double.IsFinite(py)) scene.Add(new CircleShape(px, py, markerSize / 2, color));
        }
    }

    internal override void WritePlotly(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "markers");
        json.WriteString("name", name);
        WriteNumbers(json, "x", x);
        WriteNumbers(json, "y", y);
        json.WriteStartObject("marker");
        json.WriteString("color", color.ToHex());
        json.WriteNumber("size", markerSize);
        if (color.A < 255) json.WriteNumber("opacity", Math.Round(color.A / 255.0, 3));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal override IEnumerable<LegendEntry> Legend => [new(name, color with { A = 255 }, LegendSymbol.Marker)];
}
