using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CourseKit.Kernel.Protocol;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Runs a notebook top to bottom in a kernel process of its own, the way nbclient runs one in
/// Jupyter: parameters injected (see <see cref="Parameters"/>), each code cell sent as an
/// <c>execute_request</c> to <c>coursekit-kernel</c> (.NET Interactive's C# kernel), its IOPub
/// outputs recorded, markdown copied through. The run stops at the first failing cell; later cells
/// keep no outputs and no execution count.
/// <para>
/// A cell that runs past <see cref="RunOptions.CellTimeout"/> is interrupted (its cancellation token,
/// <c>Notebook.Cancellation</c>, is signalled) and gets <see cref="RunOptions.CancelGrace"/> to stop;
/// then the kernel is shut down, so no abandoned cell keeps a core busy. A kernel that dies (stack
/// overflow, <c>Environment.Exit</c>, a crash, the memory limit) fails the cell it was running with
/// the cause; the other notebooks of the run are not affected.
/// </para>
/// </summary>
public static class NotebookRunner
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static NotebookRun Run(string notebookPath, RunOptions options)
    {
        var path = Path.GetFullPath(notebookPath);
        var notebook = NotebookReader.Load(path);
        var watch = Stopwatch.StartNew();
        var injectedAt = Parameters.Inject(notebook, options);
        using var kernel = KernelProcess.Start(Path.GetDirectoryName(path)!, options.MemoryLimitBytes);
        using var client = new JupyterClient(kernel.Connection);
        var collector = new OutputCollector();
        CellFailure? failure = null;
        if (WaitUntilReady(kernel, client, options) is { } startFailure)
            return new NotebookRun(path, notebook, new CellFailure(null, "KernelStartFailed", startFailure), watch.Elapsed);

        var total = notebook.Cells.Count - 1;
        var executionCount = 0;
        for (var i = 0; i < notebook.Cells.Count && failure is null; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code || string.IsNullOrWhiteSpace(cell.Source)) continue;
            // The number a person sees: the position in the notebook as read (the injected cell has none of its own).
            var number = i < injectedAt ? i + 1 : i == injectedAt ? 0 : i;
            var started = watch.Elapsed;
            var error = Execute(cell, number, ++executionCount, kernel, client, collector, options);
            if (error is not null) failure = new CellFailure(number, error.Name, error.Value);
            var title = number == 0 ? "injected parameters" : $"cell {number}/{total}";
            var seconds = (watch.Elapsed - started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            options.Log?.WriteLine($"  {title} {(error is null ? "ok" : "FAILED")} ({seconds} s)");
        }
        Shutdown(kernel, client);
        return new NotebookRun(path, notebook, failure, watch.Elapsed);
    }

    /// <summary>Runs one cell; returns its error output (also recorded in the cell), or null.</summary>
    internal static ErrorOutput? Execute(NotebookCell cell, int number, int executionCount, KernelProcess kernel, JupyterClient client,
        OutputCollector collector, RunOptions options)
    {
        cell.ExecutionCount = executionCount;
        var request = client.Shell("execute_request", new JsonObject
        {
            ["code"] = cell.Source, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = false, ["stop_on_error"] = true,
        });
        var deadline = Stopwatch.StartNew();
        var interruptedAt = (TimeSpan?)null;
        JupyterMessage? reply = null;
        var idle = false;
        while (reply is null || !idle)
        {
            // IOPub first: a cell's outputs arrive there before its reply and its idle status.
            if (client.ReceiveIOPub(reply is null ? TimeSpan.Zero : Poll) is { } message)
            {
                if (message.Type == "status") idle |= message.ParentId == request && (string?)message.Content["execution_state"] == "idle";
                else if (message.ParentId == request || message.Type == "update_display_data") collector.Add(message, cell.Outputs);
                continue;
            }
            if (reply is null && client.ReceiveShell(Poll) is { } answer)
            {
                if (answer.ParentId == request) reply = answer;
                continue;
            }
            if (kernel.HasExited && kernel.Death() is { } death)
                return Fail(cell, new ErrorOutput("KernelDied", $"cell {number}: {death}", [$"cell {number}: {death}", .. kernel.Stderr()]));
            if (interruptedAt is null && deadline.Elapsed > options.CellTimeout)
            {
                client.Control("interrupt_request", []);
                interruptedAt = deadline.Elapsed;
            }
            else if (interruptedAt is { } at && deadline.Elapsed - at > options.CancelGrace)
            {
                break;
            }
        }
        if (interruptedAt is not null) return Fail(cell, TimedOut(number, options));
        var status = (string?)reply!.Content["status"];
        if (status == "ok") return null;
        return cell.Outputs.OfType<ErrorOutput>().LastOrDefault() ?? Fail(cell, OutputCollector.Error(reply.Content));
    }

    private static ErrorOutput Fail(NotebookCell cell, ErrorOutput error)
    {
        cell.Outputs.Add(error);
        return error;
    }

    /// <summary>
    /// The error of a timed-out cell. Its kernel is shut down whether or not the cell honoured the
    /// interrupt: .NET Interactive answers an interrupt at once even when the code goes on running.
    /// </summary>
    private static ErrorOutput TimedOut(int number, RunOptions options)
    {
        var seconds = options.CellTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var message = $"{(number == 0 ? "the " : "")}{CellFailure.PlaceOf(number)} exceeded the timeout of {seconds} s";
        return new ErrorOutput("CellTimeout", message, [message, "The cell was interrupted and its kernel shut down.", "Later cells were not run."]);
    }

    /// <summary>
    /// Waits for the kernel's <c>kernel_info_reply</c> and for IOPub to deliver (a subscriber that
    /// connects late misses what was published before, so outputs would be lost), then has the kernel
    /// compile an empty submission, so that the compiler's warm-up does not count against the first
    /// cell's timeout. Null when ready, else why not.
    /// </summary>
    internal static string? WaitUntilReady(KernelProcess kernel, JupyterClient client, RunOptions options)
    {
        var waited = Stopwatch.StartNew();
        var timeout = options.KernelStartTimeout;
        if (AwaitReply(kernel, client, client.Shell("kernel_info_request", []), timeout, "answer") is { } noAnswer) return noAnswer;
        // Ask again until IOPub carries the status of a request: then outputs cannot be missed.
        var delivered = false;
        while (!delivered)
        {
            if (kernel.HasExited) return kernel.Death() ?? "the kernel process exited while starting";
            if (waited.Elapsed > timeout) return $"the kernel did not answer within {timeout.TotalSeconds:0} s";
            var probe = client.Shell("kernel_info_request", []);
            var probing = Stopwatch.StartNew();
            while (!delivered && probing.Elapsed < TimeSpan.FromSeconds(1))
                delivered = client.ReceiveIOPub(Poll) is { } message && message.ParentId == probe && message.Type == "status";
        }
        var warmUp = client.Shell("execute_request", new JsonObject { ["code"] = "{ }", ["silent"] = true, ["store_history"] = false });
        return AwaitReply(kernel, client, warmUp, timeout - waited.Elapsed, "compile an empty cell");
    }

    /// <summary>
    /// Waits for the shell reply to <paramref name="request"/>; null when it came, else why not: the
    /// kernel died, or it did not <paramref name="what"/> in time.
    /// </summary>
    private static string? AwaitReply(KernelProcess kernel, JupyterClient client, string request, TimeSpan timeout, string what)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (kernel.HasExited) return kernel.Death() ?? "the kernel process exited while starting";
            if (client.ReceiveShell(Poll) is { } reply && reply.ParentId == request) return null;
        }
        return $"the kernel did not {what} within {timeout.TotalSeconds:0} s";
    }

    /// <summary>Asks the kernel to shut down; kills it when it does not exit promptly.</summary>
    internal static void Shutdown(KernelProcess kernel, JupyterClient client)
    {
        if (kernel.HasExited) return;
        client.Control("shutdown_request", new JsonObject { ["restart"] = false });
        if (!kernel.WaitForExit(TimeSpan.FromSeconds(5))) kernel.Kill();
    }
}
