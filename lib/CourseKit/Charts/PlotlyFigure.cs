using System.Text;
using System.Text.Json;

namespace CourseKit.Charts;

/// <summary>
/// Writes a chart as a plotly.js figure, <c>{"data": [traces], "layout": {...}}</c> (plotly.js
/// reference: https://plotly.com/javascript/reference/), with the axis ranges fixed to the ones the
/// static renderer uses so both show the same view.
/// </summary>
internal static class PlotlyFigure
{
    public static string Write(Chart chart)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var trace in chart.Traces) trace.WritePlotly(json);
            json.WriteEndArray();
            WriteLayout(json, chart);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteLayout(Utf8JsonWriter json, Chart chart)
    {
        var (x, y) = chart.FitAxes();
        json.WriteStartObject("layout");
        json.WriteNumber("width", chart.Width);
        json.WriteNumber("height", chart.Height);
        if (chart.Title is { } title)
        {
            json.WriteStartObject("title");
            json.WriteString("text", title);
            json.WriteEndObject();
        }
        json.WriteBoolean("showlegend", chart.LegendEntries().Count > 0);
        json.WriteString("barmode", "overlay");
        json.WriteString("plot_bgcolor", "#ffffff");
        json.WriteStartObject("font");
        json.WriteString("family", "DejaVu Sans Mono, Menlo, Consolas, monospace");
        json.WriteEndObject();
        json.WriteStartObject("margin");
        json.WriteNumber("t", chart.Title is null ? 20 : 40);
        json.WriteNumber("r", 20);
        json.WriteEndObject();
        WriteAxis(json, "xaxis", x, chart.XLabel, chart.ShowAxes);
        WriteAxis(json, "yaxis", y, chart.YLabel, chart.ShowAxes);
        json.WriteStartArray("images");
        foreach (var trace in chart.Traces) trace.WritePlotlyImages(json);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAxis(Utf8JsonWriter json, string name, Axis axis, string? label, bool visible)
    {
        json.WriteStartObject(name);
        json.WriteString("type", axis.Log ? "log" : "linear");
        json.WriteStartArray("range");   // plotly.js takes log-axis ranges in log10 units
        json.WriteNumberValue(Math.Round(axis.Transform(axis.Lo), 9));
        json.WriteNumberValue(Math.Round(axis.Transform(axis.Hi), 9));
        json.WriteEndArray();
        json.WriteBoolean("visible", visible);
        json.WriteBoolean("zeroline", false);
        json.WriteString("gridcolor", Rgba.Grid.ToHex());
        json.WriteString("linecolor", Rgba.Axis.ToHex());
        json.WriteBoolean("showline", true);
        json.WriteString("ticks", "outside");
        if (label is not null)
        {
            json.WriteStartObject("title");
            json.WriteString("text", label);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
