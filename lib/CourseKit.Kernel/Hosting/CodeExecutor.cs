using System.Text.Json.Nodes;
using CourseKit.Kernel.Protocol;
using CourseKit.Kernel.Server;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace CourseKit.Kernel.Hosting;

/// <summary>
/// Runs <c>execute_request</c>s in the C# kernel and turns what the kernel reports into Jupyter
/// outputs on IOPub as they happen: console writes become <c>stream</c>, <c>display(...)</c> becomes
/// <c>display_data</c> with its display id (so that <c>DisplayedValue.Update</c> becomes
/// <c>update_display_data</c> of the same output), the cell's trailing expression becomes
/// <c>execute_result</c>, and a compile error or exception becomes <c>error</c>.
/// </summary>
internal sealed class CodeExecutor(CSharpKernel kernel, IOPubChannel iopub)
{
    private int executionCount;

    /// <summary>Runs the request's code; returns the <c>execute_reply</c> content.</summary>
    public JsonObject Execute(JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        var silent = (bool?)request.Content["silent"] ?? false;
        if (!silent && ((bool?)request.Content["store_history"] ?? true)) executionCount++;
        var count = executionCount;
        if (!silent) iopub.Publish("execute_input", new() { ["code"] = code, ["execution_count"] = count }, request);

        using var outputs = silent ? null : kernel.KernelEvents.Subscribe(e => Publish(e, request, count));
        var result = kernel.SendAsync(new SubmitCode(code)).GetAwaiter().GetResult();
        outputs?.Dispose();

        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is not { } failure)
            return new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() };
        var error = ErrorContent(failure);
        if (!silent) iopub.Publish("error", (JsonObject)error.DeepClone(), request);
        error["status"] = "error";
        error["execution_count"] = count;
        return error;
    }

    /// <summary>Asks the running code to stop (its <c>KernelInvocationContext.CancellationToken</c> is signalled).</summary>
    public void Interrupt() => kernel.SendAsync(new Cancel()).GetAwaiter().GetResult();

    private void Publish(KernelEvent e, JupyterMessage request, int count)
    {
        switch (e)
        {
            case StandardOutputValueProduced stdout:
                iopub.Publish("stream", Stream("stdout", stdout), request);
                break;
            case StandardErrorValueProduced stderr:
                iopub.Publish("stream", Stream("stderr", stderr), request);
                break;
            case ReturnValueProduced value:
                iopub.Publish("execute_result", new()
                {
                    ["execution_count"] = count, ["data"] = MimeBundle.From(value.Value, value.FormattedValues), ["metadata"] = new JsonObject(),
                }, request);
                break;
            case DisplayedValueUpdated updated:
                iopub.Publish("update_display_data", Display(updated), request);
                break;
            case DisplayedValueProduced displayed:
                iopub.Publish("display_data", Display(displayed), request);
                break;
        }
    }

    private static JsonObject Stream(string name, DisplayEvent e) =>
        new() { ["name"] = name, ["text"] = string.Concat(e.FormattedValues.Select(f => f.Value)) };

    private static JsonObject Display(DisplayEvent e)
    {
        var content = new JsonObject { ["data"] = MimeBundle.From(e.Value, e.FormattedValues), ["metadata"] = new JsonObject() };
        content["transient"] = e.ValueId is { } id ? new JsonObject { ["display_id"] = id } : new JsonObject();
        return content;
    }

    /// <summary>
    /// The <c>error</c> content: a compile error is <c>CompilationError</c> with the compiler's
    /// <c>(line,column): error CSxxxx: ...</c>; an exception keeps its type name, and its traceback
    /// keeps the cell's frames and the library's, not those of the scripting and kernel machinery.
    /// </summary>
    private static JsonObject ErrorContent(CommandFailed failure)
    {
        var exception = failure.Exception;
        var compileError = exception is null or CodeSubmissionCompilationErrorException;
        var name = compileError ? "CompilationError" : exception!.GetType().Name;
        var value = compileError ? failure.Message : exception!.Message;
        var traceback = (compileError ? failure.Message : exception!.ToString()).ReplaceLineEndings("\n").Split('\n')
            .Where(line => !MachineryFrames.Any(frame => line.TrimStart().StartsWith(frame, StringComparison.Ordinal)));
        return new JsonObject
        {
            ["ename"] = name,
            ["evalue"] = value,
            ["traceback"] = new JsonArray(traceback.Select(line => (JsonNode?)line).ToArray()),
        };
    }

    private static readonly string[] MachineryFrames =
    [
        "at Microsoft.CodeAnalysis.Scripting.", "at Microsoft.DotNet.Interactive.", "at System.Runtime.CompilerServices.",
        "at System.Threading.Tasks.", "at System.Threading.ExecutionContext.", "--- End of stack trace from previous location ---",
    ];
}
