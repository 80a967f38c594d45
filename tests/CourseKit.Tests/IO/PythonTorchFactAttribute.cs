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
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, TimeSpan timeout) =>
        ExternalProcess.Run(Python, arguments, timeout);
}
