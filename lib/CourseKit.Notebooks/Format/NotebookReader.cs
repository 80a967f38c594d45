using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Format;

/// <summary>
/// Reads nbformat 4.x notebooks. Sources given as a list of lines or one string both work.
/// Stored outputs are not read: the runner produces fresh ones. Cells without a valid id
/// (nbformat before 4.5) get one, unique within the notebook.
/// </summary>
public static partial class NotebookReader
{
    public static NotebookDocument Load(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return Parse(File.ReadAllText(path), name);
    }

    /// <summary>Parses notebook JSON; anything that is not nbformat 4 is an <see cref="InvalidDataException"/> naming the notebook.</summary>
    public static NotebookDocument Parse(string json, string name)
    {
        try { return ParseDocument(json, name); }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"notebook {name}: a value has the wrong type ({e.Message})", e);
        }
    }

    private static NotebookDocument ParseDocument(string json, string name)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new InvalidDataException($"notebook {name}: not valid JSON ({e.Message})", e); }
        if (root is not JsonObject notebook) throw new InvalidDataException($"notebook {name}: the top level is not a JSON object");
        var major = notebook["nbformat"]?.GetValue<int>();
        if (major != 4)
            throw new InvalidDataException($"notebook {name}: nbformat {major?.ToString() ?? "(missing)"} is not supported; only nbformat 4 is (convert with `jupyter nbconvert --to notebook`)");
        if (notebook["cells"] is not JsonArray cellsJson) throw new InvalidDataException($"notebook {name}: it has no \"cells\" list");

        var used = new HashSet<string>(StringComparer.Ordinal);
        var cells = new List<NotebookCell>();
        for (var i = 0; i < cellsJson.Count; i++)
        {
            if (cellsJson[i] is not JsonObject cell) throw new InvalidDataException($"notebook {name}: cell {i + 1} is not a JSON object");
            cells.Add(ReadCell(cell, i, name, used));
        }
        var metadata = notebook["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject();
        return new NotebookDocument(cells, metadata) { Name = name };
    }

    private static NotebookCell ReadCell(JsonObject cell, int index, string name, HashSet<string> used)
    {
        var kind = cell["cell_type"]?.GetValue<string>() switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            var other => throw new InvalidDataException($"notebook {name}: cell {index + 1} has unknown cell_type '{other}'"),
        };
        var id = cell["id"]?.GetValue<string>();
        if (id is null || !ValidId().IsMatch(id) || !used.Add(id))
        {
            id = $"cell-{index + 1}";
            for (var k = 2; !used.Add(id); k++) id = $"cell-{index + 1}-{k}";
        }
        var metadata = cell["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject();
        return new NotebookCell(kind, id, Source(cell["source"]), metadata)
        {
            Attachments = cell["attachments"] is JsonObject a ? (JsonObject)a.DeepClone() : null,
        };
    }

    private static string Source(JsonNode? source) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => source.GetValue<string>(),
    };

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex ValidId();
}
