using System.Text.Json.Nodes;
using CourseKit.Display;

namespace CourseKit.Notebooks.Figures;

/// <summary>
/// One figure an executed notebook shows: a chart (its Plotly.NET figure as plotly.js JSON, with the static PNG
/// stored beside it) or an image (a PNG only: digits, sample grids, heatmaps drawn as images).
/// </summary>
/// <param name="Cell">The cell's number in the notebook, 1-based, as the runner's messages count.</param>
/// <param name="Index">The figure's number within its cell, 1-based.</param>
/// <param name="Png">The static image, when one is stored.</param>
/// <param name="PlotlyJson">The chart's plotly.js figure (data and layout), null for an image.</param>
public sealed record NotebookFigure(int Cell, int Index, byte[]? Png, string? PlotlyJson)
{
    /// <summary>The chart's title (layout.title.text), or null for an image or an untitled chart.</summary>
    public string? Title => Layout?["title"] is JsonObject title ? title["text"]?.GetValue<string>() : null;

    /// <summary>
    /// The labels a reader must find on the chart: its title and axis titles, without those written in LaTeX or
    /// HTML markup (plotly.js typesets those differently from their source).
    /// </summary>
    public IReadOnlyList<string> Labels
    {
        get
        {
            if (Layout is not { } layout) return [];
            var labels = new List<string>();
            foreach (var (key, value) in layout)
            {
                var text = key == "title" ? value?["text"] : key.StartsWith("xaxis", StringComparison.Ordinal) || key.StartsWith("yaxis", StringComparison.Ordinal) ? value?["title"]?["text"] : null;
                if (text?.GetValue<string>() is { Length: > 0 } label && !label.Contains('$') && !label.Contains('<')) labels.Add(label);
            }
            return labels;
        }
    }

    /// <summary>A file name for the figure, without extension: <c>cell07-1-the-title</c>.</summary>
    public string FileStem
    {
        get
        {
            var slug = new string((Title ?? "").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
            slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
            if (slug.Length > 48) slug = slug[..48].TrimEnd('-');
            return $"cell{Cell:D2}-{Index}" + (slug.Length > 0 ? "-" + slug : "");
        }
    }

    private JsonObject? Layout => PlotlyJson is null ? null : JsonNode.Parse(PlotlyJson)?["layout"] as JsonObject;

    /// <summary>
    /// Every figure in the stored outputs of the executed notebook <paramref name="json"/>, in order (the notebook
    /// reader skips outputs, which the runner makes afresh; figures are read from them here).
    /// </summary>
    public static IReadOnlyList<NotebookFigure> In(JsonObject json)
    {
        var figures = new List<NotebookFigure>();
        var cells = json["cells"] as JsonArray ?? [];
        for (var c = 0; c < cells.Count; c++)
        {
            var index = 0;
            foreach (var output in cells[c]?["outputs"] as JsonArray ?? [])
            {
                if (output?["data"] is not JsonObject data) continue;
                var png = data[DisplayOutput.Png] switch
                {
                    JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
                    JsonValue value => value.GetValue<string>(),
                    _ => null,
                };
                var plotly = data[DisplayOutput.PlotlyJson]?.ToJsonString();
                if (png is null && plotly is null) continue;
                figures.Add(new NotebookFigure(c + 1, ++index, png is null ? null : Convert.FromBase64String(png.Replace("\n", "").Trim()), plotly));
            }
        }
        return figures;
    }

    /// <summary>Whether any cell of the notebook <paramref name="json"/> has stored outputs.</summary>
    public static bool HasOutputs(JsonObject json) =>
        (json["cells"] as JsonArray ?? []).Any(c => c?["outputs"] is JsonArray { Count: > 0 });
}
