using System.Text.Json.Nodes;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Grading;

/// <summary>
/// A submission's kernel process: started in the instructor notebook's folder (so the notebook's relative
/// <c>#r</c> paths resolve), code run one cell at a time under a wall-time limit with the runner's own
/// execution (<see cref="NotebookRunner"/>), and the memory watchdog of <see cref="KernelProcess"/>. A cell
/// that runs out of time or kills the process ends the kernel; <see cref="Start"/> starts a fresh one.
/// </summary>
internal sealed class KernelSession(string workingDirectory, long memoryLimitBytes) : IDisposable
{
    private KernelProcess? kernel;
    private JupyterClient? client;
    private OutputCollector collector = new();
    private int executionCount;

    /// <summary>How many kernels were started for this submission.</summary>
    public int Starts { get; private set; }

    /// <summary>Starts the kernel; null when ready, else why not.</summary>
    public string? Start()
    {
        Stop();
        Starts++;
        kernel = KernelProcess.Start(workingDirectory, memoryLimitBytes);
        client = new JupyterClient(kernel.Connection);
        collector = new OutputCollector();
        executionCount = 0;
        return NotebookRunner.WaitUntilReady(kernel, client, new RunOptions());
    }

    /// <summary>Whether the kernel is still usable (not stopped after a timeout, not dead).</summary>
    public bool Alive => kernel is { HasExited: false };

    /// <summary>
    /// Runs <paramref name="code"/> as cell <paramref name="id"/>; returns the cell with its outputs and the
    /// error, if any. After a timeout (error <c>CellTimeout</c>) or a death (<c>KernelDied</c>) the kernel is gone.
    /// </summary>
    public (NotebookCell Cell, ErrorOutput? Error) Run(string id, int number, string code, TimeSpan timeout)
    {
        var cell = new NotebookCell(CellKind.Code, id, code, new JsonObject());
        if (kernel is null || client is null) throw new InvalidOperationException("the kernel session was not started");
        var options = new RunOptions { CellTimeout = timeout, CancelGrace = TimeSpan.FromSeconds(1) };
        var error = NotebookRunner.Execute(cell, number, ++executionCount, kernel, client, collector, options);
        if (error is { Name: "CellTimeout" }) Stop();
        return (cell, error);
    }

    /// <summary>Ends the kernel at once: a grading kernel holds nothing worth a polite shutdown, and a hung cell would not honour one.</summary>
    public void Stop()
    {
        kernel?.Kill();
        client?.Dispose();
        kernel?.Dispose();
        (client, kernel) = (null, null);
    }

    public void Dispose() => Stop();
}
