using System.Diagnostics;

namespace CourseKit.Notebooks.Tests;

/// <summary>Runs the reference validator (Debian python3-nbformat) on a notebook file.</summary>
internal static class NbformatValidator
{
    private const string Python = "/usr/bin/python3";

    public static (int exitCode, string messages) Validate(string notebookPath)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: scripts/setup.sh installs python3-nbformat");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList =
            {
                "-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", notebookPath,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var messages = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, messages);
    }
}
