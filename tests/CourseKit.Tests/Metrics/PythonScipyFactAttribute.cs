namespace CourseKit.Tests.Metrics;

/// <summary>A test that runs /usr/bin/python3 with NumPy and SciPy; skipped, saying why, where that cannot import them.</summary>
public sealed class PythonScipyFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        if (!File.Exists(Python)) return $"{Python} does not exist";
        var (code, output) = Run(["-c", "import numpy, scipy.linalg"], TimeSpan.FromMinutes(1));
        return code == 0 ? null : $"{Python} cannot import numpy and scipy (apt package python3-scipy): {output.Trim()}";
    });

    public PythonScipyFactAttribute()
    {
        if (Unavailable.Value is { } why) Skip = "needs Python with SciPy: " + why;
    }

    /// <summary>Runs python with <paramref name="arguments"/>; returns the exit code and stdout + stderr.</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, TimeSpan timeout) =>
        ExternalProcess.Run(Python, arguments, timeout);
}
