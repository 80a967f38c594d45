using System.Text.Json;

namespace CourseKit.Charts;

/// <summary>The data range a trace covers and whether the axis should leave a margin around it.</summary>
internal readonly record struct Extent(double X0, double X1, double Y0, double Y1, bool PadX, bool PadY);

internal enum LegendSymbol { Line, Marker, Box }

internal readonly record struct LegendEntry(string Name, Rgba Color, LegendSymbol Symbol);

/// <summary>
/// One layer of a <see cref="Chart"/>: a set of lines, markers, bars or cells. Each trace draws
/// itself into the static drawing model and writes itself as plotly.js trace objects, from the
/// same numbers, so the static image and the interactive chart show the same thing.
/// </summary>
public abstract class Trace
{
    private protected Trace() { }

    /// <summary>The data range covered; null when the trace does not use the axes (a picture on the whole figure).</summary>
    internal abstract Extent? Bounds(bool logY);

    /// <summary>Appends the trace's shapes; <paramref name="frame"/> maps data to figure pixels.</summary>
    internal abstract void Draw(Scene scene, PlotFrame frame);

    /// <summary>Writes one or more plotly.js trace objects into the open "data" array.</summary>
    internal abstract void WritePlotly(Utf8JsonWriter json);

    internal virtual IEnumerable<LegendEntry> Legend => [];

    /// <summary>The value range and colour map shown by a colour bar, when the trace uses one.</summary>
    internal virtual (double Lo, double Hi)? ColorRange => null;

    /// <summary>Writes plotly.js layout images (layout.images entries) into the open array.</summary>
    internal virtual void WritePlotlyImages(Utf8JsonWriter json) { }

    /// <summary>Writes a JSON array of numbers (a property, or an array element when name is null); NaN and infinities become null (plotly.js leaves a gap).</summary>
    private protected static void WriteNumbers(Utf8JsonWriter json, string? name, IEnumerable<double> values)
    {
        if (name is null) json.WriteStartArray(); else json.WriteStartArray(name);
        foreach (var v in values)
            if (double.IsFinite(v)) json.WriteNumberValue(Math.Round(v, 6)); else json.WriteNullValue();
        json.WriteEndArray();
    }
}
