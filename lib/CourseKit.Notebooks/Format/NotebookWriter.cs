using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Display;

namespace CourseKit.Notebooks.Format;

/// <summary>
/// Writes notebooks as nbformat 4.5: every cell with an id, the .NET Interactive C# kernelspec and
/// language info, C# cells tagged for Polyglot Notebooks, text as lists of lines (as Jupyter writes
/// it), JSON MIME types (<c>application/json</c>, <c>application/*+json</c>) embedded as JSON.
/// </summary>
public static partial class NotebookWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Save(NotebookDocument notebook, string path) => File.WriteAllText(path, ToJson(notebook) + "\n");

    public static string ToJson(NotebookDocument notebook)
    {
        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        metadata["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        metadata["language_info"] = new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "C#",
            ["pygments_lexer"] = "csharp",
            ["version"] = "13.0",
        };
        metadata["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        };
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(notebook.Cells.Select(Cell).ToArray<JsonNode?>()),
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(Json);
    }

    private static JsonObject Cell(NotebookCell cell)
    {
        var metadata = (JsonObject)cell.Metadata.DeepClone();
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind.ToString().ToLowerInvariant(),
            ["id"] = cell.Id,
        };
        if (cell.Kind == CellKind.Code)
        {
            metadata["dotnet_interactive"] ??= new JsonObject { ["language"] = "csharp" };
            metadata["polyglot_notebook"] ??= new JsonObject { ["kernelName"] = "csharp" };
            json["execution_count"] = cell.ExecutionCount;
            json["metadata"] = metadata;
            json["outputs"] = new JsonArray(cell.Outputs.Select(Output).ToArray<JsonNode?>());
        }
        else
        {
            json["metadata"] = metadata;
            if (cell.Attachments is not null) json["attachments"] = cell.Attachments.DeepClone();
        }
        json["source"] = Lines(cell.Source);
        return json;
    }

    private static JsonObject Output(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text) },
        DisplayDataOutput d => new JsonObject
        {
            ["data"] = Bundle(d.Data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
        },
        ExecuteResultOutput r => new JsonObject
        {
            ["data"] = Bundle(r.Data), ["execution_count"] = r.ExecutionCount, ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.Name, ["evalue"] = e.Value, ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        },
        _ => throw new ArgumentException($"unknown output {output.GetType().Name}", nameof(output)),
    };

    private static JsonObject Bundle(DisplayOutput output)
    {
        var data = new JsonObject();
        foreach (var (mime, content) in output.Data)
            data[mime] = JsonMime().IsMatch(mime) ? ParseJson(mime, content) : Lines(content);
        return data;
    }

    private static JsonNode? ParseJson(string mime, string content)
    {
        try { return JsonNode.Parse(content); }
        catch (JsonException e) { throw new InvalidDataException($"display output of type {mime} is not valid JSON: {e.Message}", e); }
    }

    /// <summary>Text as nbformat stores a multi-line string: an array of lines that keep their newlines.</summary>
    private static JsonArray Lines(string text) => new([.. TextLines.Split(text).Select(line => (JsonNode?)line)]);

    [GeneratedRegex(@"^application/(.*\+)?json$")]
    private static partial Regex JsonMime();
}
