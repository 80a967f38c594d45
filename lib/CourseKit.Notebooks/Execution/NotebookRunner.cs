using System.Diagnostics;
using System.Globalization;
using CourseKit.Display;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Runs a notebook top to bottom, like <c>jupyter nbconvert --execute</c> or papermill: parameters
/// injected (see <see cref="Parameters"/>), C# cells run in order on one Roslyn script state with the
/// notebook's folder as working directory, every output recorded, markdown copied through. The run
/// stops at the first failing cell; later cells keep no outputs and no execution count.
/// <para>
/// Timeout: each cell runs on its own thread. When its execution (compilation excluded) runs past
/// <see cref="RunOptions.CellTimeout"/> the cell's
/// cancellation token (<see cref="Notebook.Cancellation"/>, checked by <see cref="ProgressBar.Update"/>)
/// is signalled and the cell gets <see cref="RunOptions.CancelGrace"/> to stop. Either way the cell
/// gets the error "cell N exceeded the timeout of T s" and the notebook stops, since its script
/// state cannot continue. A cell that ignores cancellation is abandoned: its (background) thread runs
/// until the process exits, which the command does right after writing its results, with a
/// non-zero exit code.
/// </para>
/// One notebook runs at a time per process (the working directory is process-wide).
/// </summary>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static NotebookRun Run(string notebookPath, RunOptions options)
    {
        var path = Path.GetFullPath(notebookPath);
        var notebook = NotebookReader.Load(path);
        OneAtATime.Wait();
        var previousDirectory = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
            return Execute(path, notebook, options);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            OneAtATime.Release();
        }
    }

    private static NotebookRun Execute(string path, NotebookDocument notebook, RunOptions options)
    {
        var watch = Stopwatch.StartNew();
        var injectedAt = Parameters.Inject(notebook, options);
        var session = new ScriptSession(Path.GetDirectoryName(path)!, notebook.Name);
        var recorders = new List<(NotebookCell cell, CellRecorder recorder)>();
        CellFailure? failure = null;
        var abandoned = false;
        var executionCount = 0;
        var total = notebook.Cells.Count - 1;

        for (var i = 0; i < notebook.Cells.Count && failure is null; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code) continue;
            // The number a person sees: the position in the notebook as read (the injected cell has none of its own).
            var number = i < injectedAt ? i + 1 : i == injectedAt ? 0 : i;
            var title = number == 0 ? "injected parameters" : $"cell {number}/{total}";
            var recorder = new CellRecorder();
            recorders.Add((cell, recorder));
            var prepared = CellPreprocessor.Prepare(cell.Source, Path.GetDirectoryName(path)!);
            foreach (var warning in prepared.Warnings) recorder.Write("stderr", $"coursekit-notebooks: {warning}\n");
            if (prepared.SkipReason is { } reason)
            {
                recorder.Write("stderr", $"coursekit-notebooks: cell skipped: {reason}\n");
                options.Log?.WriteLine($"  {title} skipped ({reason})");
                continue;
            }
            if (string.IsNullOrWhiteSpace(prepared.Code) && prepared.Error is null) continue;

            cell.ExecutionCount = ++executionCount;
            var started = watch.Elapsed;
            var (error, stopped) = prepared.Error is { } problem
                ? (new ErrorOutput("UnsupportedDirective", problem, [problem]), true)
                : RunWithTimeout(session, prepared.Code, number, executionCount, recorder, options);
            var seconds = (watch.Elapsed - started).TotalSeconds;
            if (prepared.Timed && error is null)
                recorder.Write("stdout", $"Wall time: {(seconds * 1000).ToString("0.###", CultureInfo.InvariantCulture)}ms\n");
            if (error is not null)
            {
                recorder.Add(error);
                recorder.Seal();
                failure = new CellFailure(number, error.Name, error.Value);
                abandoned = !stopped;
            }
            options.Log?.WriteLine($"  {title} {(error is null ? "ok" : "FAILED")} ({seconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
        }

        foreach (var (cell, recorder) in recorders) cell.Outputs.AddRange(recorder.Outputs);
        return new NotebookRun(path, notebook, failure, watch.Elapsed) { AbandonedThread = abandoned };
    }

    /// <summary>Runs one cell on its own thread; returns its error (or null) and whether its thread has ended.</summary>
    private static (ErrorOutput? error, bool stopped) RunWithTimeout(
        ScriptSession session, string code, int number, int executionCount, CellRecorder recorder, RunOptions options)
    {
        var cancellation = new CancellationTokenSource();
        var compiled = new ManualResetEventSlim(); // not disposed: an abandoned thread may still set it
        ErrorOutput? error = null;
        var thread = new Thread(() =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            using var host = Notebook.UseHost(new RecordingHost(recorder, cancellation.Token));
            using var console = ConsoleCapture.To(recorder);
            try { error = session.Run(code, number, executionCount, recorder, compiled.Set, cancellation.Token); }
            catch (Exception e) { error = Traceback.Of(e, _ => null); }
            finally { compiled.Set(); }
        }, maxStackSize: 16 * 1024 * 1024)
        {
            IsBackground = true,
            Name = $"notebook cell {number}",
        };
        thread.Start();
        compiled.Wait(); // compilation is not part of the timeout
        if (thread.Join(options.CellTimeout))
        {
            cancellation.Dispose();
            return (error, true);
        }

        cancellation.Cancel();
        var stopped = thread.Join(options.CancelGrace);
        if (stopped) cancellation.Dispose(); // an abandoned thread may still read its token
        var seconds = options.CellTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var message = $"cell {number} exceeded the timeout of {seconds} s";
        var fate = stopped
            ? "The cell stopped when it was asked to (cancellation token)."
            : "The cell did not stop when it was asked to; its thread was abandoned and runs until the process exits.";
        return (new ErrorOutput("CellTimeout", message, [message, fate, "Later cells were not run: the script state cannot continue."]), stopped);
    }
}
