using System.Globalization;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The papermill convention for parameters: the runner adds a cell tagged <c>injected-parameters</c>
/// right after the cell tagged <c>parameters</c> (or first, when there is none) that declares
/// <c>bool Quick</c> always, and <c>int Seed</c> and <c>string Device</c> when they were given, so
/// they override the notebook's defaults.
/// </summary>
public static class Parameters
{
    public const string Tag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>The source of the injected cell.</summary>
    public static string Code(RunOptions options)
    {
        var lines = new List<string>
        {
            "// Parameters injected by coursekit-notebooks",
            $"bool Quick = {(options.Quick ? "true" : "false")};",
        };
        if (options.Seed is { } seed) lines.Add($"int Seed = {seed.ToString(CultureInfo.InvariantCulture)};");
        if (options.Device is { } device) lines.Add($"string Device = \"{device.Replace("\\", "\\\\").Replace("\"", "\\\"")}\";");
        return string.Join("\n", lines);
    }

    /// <summary>Inserts the injected cell; returns its position in <paramref name="notebook"/>.</summary>
    public static int Inject(NotebookDocument notebook, RunOptions options)
    {
        var position = notebook.Cells.FindIndex(c => c.Kind == CellKind.Code && c.Tags.Contains(Tag)) + 1;
        var metadata = new JsonObject { ["tags"] = new JsonArray(InjectedTag) };
        var id = InjectedTag;
        for (var k = 2; notebook.Cells.Any(c => c.Id == id); k++) id = $"{InjectedTag}-{k}";
        notebook.Cells.Insert(position, new NotebookCell(CellKind.Code, id, Code(options), metadata));
        return position;
    }
}
