using System.Diagnostics;

namespace CourseKit.Tests;

/// <summary>Runs a program the tests compare against (Python, a browser) and collects what it printed.</summary>
public static class ExternalProcess
{
    /// <summary>Runs <paramref name="program"/>; returns its exit code and stdout + stderr, or -1 when it outlives <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
