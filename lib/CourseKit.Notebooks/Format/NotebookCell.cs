using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Format;

/// <summary>A notebook cell: kind, id, source, metadata and, for code cells, outputs and execution count.</summary>
public sealed class NotebookCell(CellKind kind, string id, string source, JsonObject metadata)
{
    public CellKind Kind { get; } = kind;

    /// <summary>The nbformat 4.5 cell id (1 to 64 characters of letters, digits, '-' and '_').</summary>
    public string Id { get; } = id;

    public string Source { get; } = source;

    /// <summary>Cell metadata, kept as read (tags, language, anything else).</summary>
    public JsonObject Metadata { get; } = metadata;

    /// <summary>Markdown and raw cells' attachments, kept as read.</summary>
    public JsonObject? Attachments { get; init; }

    public List<CellOutput> Outputs { get; } = [];

    public int? ExecutionCount { get; set; }

    /// <summary>The cell's <c>metadata.tags</c>.</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "").ToArray() : [];
}
