using System.Diagnostics;
using System.Globalization;
using CourseKit.Kernel.Protocol;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// One <c>coursekit-kernel</c> process for one notebook, started in the notebook's folder (so relative
/// <c>#r</c> paths resolve as in VS Code and Jupyter). Whatever the notebook does to its process (a
/// stack overflow, <c>Environment.Exit</c>, an unhandled exception on a thread, memory without end)
/// ends this process only; <see cref="Death"/> then says how it ended. A watchdog kills the process
/// when its resident memory passes <see cref="RunOptions.MemoryLimitBytes"/>, before the machine's
/// out-of-memory killer picks a victim of its own.
/// </summary>
internal sealed class KernelProcess : IDisposable
{
    private const int StderrHeadKept = 3;
    private const int StderrTailKept = 30;
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process process;
    private readonly string connectionDirectory;
    private readonly List<string> stderrHead = [];
    private readonly Queue<string> stderrTail = new();
    private readonly Timer watchdog;
    private readonly long memoryLimitBytes;
    private string? killedBecause;

    private KernelProcess(Process process, string connectionDirectory, long memoryLimitBytes, ConnectionInfo connection)
    {
        this.process = process;
        this.connectionDirectory = connectionDirectory;
        this.memoryLimitBytes = memoryLimitBytes;
        Connection = connection;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderrTail)
            {
                if (stderrHead.Count < StderrHeadKept) stderrHead.Add(e.Data);
                else stderrTail.Enqueue(e.Data);
                if (stderrTail.Count > StderrTailKept) stderrTail.Dequeue();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        watchdog = new Timer(_ => CheckMemory(), null, WatchInterval, WatchInterval);
    }

    public ConnectionInfo Connection { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The environment variable naming the kernel to start (scripts/kernel.sh publishes a precompiled one).</summary>
    public const string KernelVariable = "COURSEKIT_KERNEL";

    /// <summary>
    /// The kernel program: <c>$COURSEKIT_KERNEL</c> when set, else the copy the build places next to
    /// this program.
    /// </summary>
    public static string KernelPath() =>
        Environment.GetEnvironmentVariable(KernelVariable) is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(AppContext.BaseDirectory, "coursekit-kernel.dll");

    /// <summary>Starts a kernel with a fresh connection file, working in <paramref name="workingDirectory"/>.</summary>
    public static KernelProcess Start(string workingDirectory, long memoryLimitBytes)
    {
        var kernel = KernelPath();
        if (!File.Exists(kernel))
            throw new FileNotFoundException($"the notebook kernel is missing: {kernel} (build lib/CourseKit.Notebooks, or run scripts/kernel.sh)", kernel);
        var connection = ConnectionInfo.CreateLocal();
        var directory = Directory.CreateTempSubdirectory("coursekit-kernel-").FullName;
        var file = Path.Combine(directory, "connection.json");
        connection.Save(file);
        var start = new ProcessStartInfo(DotnetHost(), [kernel, file])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["JPY_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // Stored outputs read the same on every machine: numbers and dates in the invariant culture.
        start.Environment["LC_ALL"] = start.Environment["LANG"] = "C.UTF-8";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the notebook kernel");
        process.StandardInput.Close(); // code that reads the console gets end of input, not a hang
        return new KernelProcess(process, directory, memoryLimitBytes, connection);
    }

    /// <summary>How the process ended, for the error shown in the cell it was running; null while it runs.</summary>
    public string? Death()
    {
        if (!process.WaitForExit(TimeSpan.FromSeconds(2))) return null;
        process.WaitForExit(); // drains the redirected streams
        var code = process.ExitCode;
        var how = killedBecause
                  ?? (code > 128 && code < 160 ? $"it was ended by signal {code - 128} ({SignalName(code - 128)})" : $"it exited with code {code}");
        var said = Stderr().FirstOrDefault(l => l.Trim().Length > 0);
        return $"the kernel process died: {how}" + (said is null ? "" : $"; it said: {said.Trim()}");
    }

    /// <summary>The kernel's first and last lines on stderr (a stack overflow's message and frames, an unhandled exception).</summary>
    public IReadOnlyList<string> Stderr()
    {
        lock (stderrTail) return [.. stderrHead, .. stderrTail.Count == StderrTailKept ? ["..."] : Array.Empty<string>(), .. stderrTail];
    }

    /// <summary>Waits at most <paramref name="timeout"/> for the process to end; true when it has.</summary>
    public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(timeout);

    public void Kill()
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already gone
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    private void CheckMemory()
    {
        if (killedBecause is not null || process.HasExited) return;
        var resident = ResidentBytes(process.Id);
        if (resident <= memoryLimitBytes) return;
        killedBecause = $"it used {Gigabytes(resident)} of memory, over the limit of {Gigabytes(memoryLimitBytes)} (--memory-limit), and was stopped";
        Kill();
    }

    /// <summary>VmRSS from <c>/proc/PID/status</c> (Linux); elsewhere the working set .NET reports.</summary>
    private static long ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        try { return Process.GetProcessById(pid).WorkingSet64; }
        catch (ArgumentException) { return 0; }
    }

    private static string Gigabytes(long bytes) => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB";

    private static string SignalName(int signal) => signal switch
    {
        6 => "SIGABRT: an abort, e.g. a stack overflow or a fatal runtime error",
        9 => "SIGKILL: killed, e.g. by the system's out-of-memory killer",
        11 => "SIGSEGV: a crash in native code",
        15 => "SIGTERM",
        _ => "signal",
    };

    /// <summary>The <c>dotnet</c> host that runs this program, so the kernel runs on the same .NET.</summary>
    internal static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    public void Dispose()
    {
        watchdog.Dispose();
        if (!process.HasExited) Kill();
        process.Dispose();
        try { Directory.Delete(connectionDirectory, recursive: true); }
        catch (IOException) { }
    }
}
