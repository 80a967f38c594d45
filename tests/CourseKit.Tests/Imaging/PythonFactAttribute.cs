namespace CourseKit.Tests.Imaging;

/// <summary>A test that runs /usr/bin/python3 (standard library only); skipped, saying why, where it does not exist.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public PythonFactAttribute()
    {
        if (!File.Exists(Python)) Skip = $"needs {Python}";
    }

    /// <summary>Runs python with <paramref name="arguments"/>; returns the exit code and stdout + stderr.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments) =>
        ExternalProcess.Run(Python, arguments, TimeSpan.FromMinutes(2));
}
