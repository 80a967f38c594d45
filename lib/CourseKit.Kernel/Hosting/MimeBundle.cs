using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;

namespace CourseKit.Kernel.Hosting;

/// <summary>
/// The <c>data</c> of a Jupyter display message from .NET Interactive's formatted values: one entry
/// per MIME type, <c>text/plain</c> always present (Jupyter front ends and nbformat readers fall back
/// to it), JSON MIME types as JSON rather than as a string.
/// </summary>
internal static class MimeBundle
{
    public const string PlainText = "text/plain";

    public static JsonObject From(object? value, IEnumerable<FormattedValue> formatted)
    {
        var data = new JsonObject();
        foreach (var item in formatted.Where(f => !f.SuppressDisplay))
            data[item.MimeType] = Content(item.MimeType, item.Value);
        if (!data.ContainsKey(PlainText)) data[PlainText] = PlainTextOf(value);
        return data;
    }

    private static JsonNode? Content(string mimeType, string value)
    {
        if (!IsJson(mimeType)) return value;
        try { return JsonNode.Parse(value); }
        catch (JsonException) { return value; }
    }

    /// <summary>application/json and the +json types (vega, plotly): Jupyter stores them as JSON.</summary>
    private static bool IsJson(string mimeType) =>
        mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);

    private static string PlainTextOf(object? value)
    {
        try { return value.ToDisplayString(PlainText); }
        catch (Exception e) { return $"<{value?.GetType().Name ?? "null"}: its text formatter failed: {e.Message}>"; }
    }
}
