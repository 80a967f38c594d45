using System.Text.Json.Nodes;
using CourseKit.Display;
using CourseKit.Kernel.Protocol;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Turns a notebook's IOPub messages into nbformat outputs, as nbclient does: consecutive stream
/// text of one name joins into one output; <c>update_display_data</c> replaces every output shown
/// with the same display id, in whichever cell it is (a progress bar is stored once, in its final state).
/// </summary>
internal sealed class OutputCollector
{
    private readonly Dictionary<string, List<(List<CellOutput> Outputs, int Index)>> displays = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="message"/> in <paramref name="outputs"/> (the running cell's list).</summary>
    public void Add(JupyterMessage message, List<CellOutput> outputs)
    {
        var content = message.Content;
        switch (message.Type)
        {
            case "stream":
                var name = (string?)content["name"] ?? "stdout";
                var text = (string?)content["text"] ?? "";
                if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == name) outputs[^1] = last with { Text = last.Text + text };
                else outputs.Add(new StreamOutput(name, text));
                break;
            case "display_data":
                outputs.Add(new DisplayDataOutput(Bundle(content)));
                if (DisplayId(content) is { } id)
                {
                    if (!displays.TryGetValue(id, out var shown)) displays[id] = shown = [];
                    shown.Add((outputs, outputs.Count - 1));
                }
                break;
            case "update_display_data":
                if (DisplayId(content) is { } updated && displays.TryGetValue(updated, out var places))
                    foreach (var (list, index) in places) list[index] = new DisplayDataOutput(Bundle(content));
                break;
            case "execute_result":
                outputs.Add(new ExecuteResultOutput((int?)content["execution_count"] ?? 0, Bundle(content)));
                break;
            case "error":
                outputs.Add(Error(content));
                break;
            case "clear_output":
                outputs.Clear();
                break;
        }
    }

    public static ErrorOutput Error(JsonObject content) => new(
        (string?)content["ename"] ?? "Error",
        (string?)content["evalue"] ?? "",
        (content["traceback"] as JsonArray)?.Select(l => (string?)l ?? "").ToArray() ?? []);

    private static string? DisplayId(JsonObject content) => (string?)(content["transient"] as JsonObject)?["display_id"];

    /// <summary>The message's <c>data</c> as a bundle: strings as they are, JSON values as JSON text.</summary>
    private static DisplayOutput Bundle(JsonObject content)
    {
        var data = content["data"] as JsonObject ?? [];
        var plain = data[DisplayOutput.PlainText] is JsonValue text && text.TryGetValue<string>(out var s) ? s : "";
        var bundle = new DisplayOutput(plain);
        foreach (var (mime, value) in data)
        {
            if (mime == DisplayOutput.PlainText || value is null) continue;
            bundle = bundle.With(mime, value is JsonValue v && v.TryGetValue<string>(out var str) ? str : value.ToJsonString());
        }
        return bundle;
    }
}
