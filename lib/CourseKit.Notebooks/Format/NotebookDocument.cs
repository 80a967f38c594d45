using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Format;

/// <summary>An nbformat 4 notebook in memory: its cells and its metadata.</summary>
public sealed class NotebookDocument(List<NotebookCell> cells, JsonObject metadata)
{
    public List<NotebookCell> Cells { get; } = cells;

    public JsonObject Metadata { get; } = metadata;

    /// <summary>The title for pages and messages: the notebook's file name without extension.</summary>
    public string Name { get; init; } = "notebook";
}
