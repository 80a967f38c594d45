using System.Diagnostics;

namespace CourseKit.Tests.IO;

/// <summary>A test that runs /usr/bin/python3 with PyTorch; skipped, saying why, where that cannot import torch.</summary>
public sealed class PythonTorchFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        if (!File.Exists(Python)) return $"{Python} does not exist";
        var (code, output) = Run(["-c", "import torch"], TimeSpan.FromMinutes(1));
        return code == 0 ? null : $"{Python} cannot import torch: {output.Trim()}";
    });

    public PythonTorchFactAttribute()
    {
        if (Unavailable.Value is { } why) Skip = "needs Python with PyTorch: " + why;
    }

    /// <summary>Runs python with <paramref name="arguments"/>; returns the exit code and stdout + stderr.</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
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
