using System.Diagnostics;

namespace CourseKit.Notebooks.Grading;

/// <summary>
/// Grading without the network, where the OS allows it: <c>coursekit grade</c> runs again inside a Linux network
/// namespace of its own (<c>unshare --user --map-root-user --net</c>, no privileges needed where unprivileged user
/// namespaces are enabled) that holds only a loopback interface. The grader and every submission's kernel share that
/// loopback, which carries the Jupyter messages between them; nothing else is reachable, so a submission cannot
/// download an answer or send one out. The namespace has to hold the grader too: a kernel alone in one could not be
/// reached by the grader's sockets.
/// </summary>
public static class NetworkIsolation
{
    /// <summary>Set to 1 in the isolated grader, so that it does not isolate itself again.</summary>
    public const string InsideVariable = "COURSEKIT_GRADE_ISOLATED";

    /// <summary>Whether this process is the grader that already runs inside the namespace.</summary>
    public static bool IsInside => Environment.GetEnvironmentVariable(InsideVariable) == "1";

    /// <summary>
    /// Null when a network namespace with loopback up can be made here (tried once with <c>true</c>), else why not:
    /// not Linux, no <c>unshare</c>, or user namespaces disabled (as in a default Docker container).
    /// </summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux()) return "network namespaces exist on Linux only";
        try
        {
            using var probe = Process.Start(Wrap("true", [])) ?? throw new InvalidOperationException("unshare did not start");
            var said = probe.StandardError.ReadToEndAsync();
            if (!probe.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                probe.Kill(entireProcessTree: true);
                return "unshare did not finish within 20 s";
            }
            return probe.ExitCode == 0 ? null : $"unshare failed (exit code {probe.ExitCode}): {said.Result.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"unshare could not be started ({e.Message}); it is in util-linux";
        }
    }

    /// <summary>
    /// <paramref name="program"/> with <paramref name="arguments"/>, started in a new network namespace whose
    /// loopback is brought up first (<c>ip</c>, from iproute2). Output and errors are redirected.
    /// </summary>
    public static ProcessStartInfo Wrap(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("unshare")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["--user", "--map-root-user", "--net", "--", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\"", program])
            start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment[InsideVariable] = "1";
        return start;
    }
}
