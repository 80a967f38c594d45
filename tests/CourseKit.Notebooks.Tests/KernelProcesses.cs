namespace CourseKit.Notebooks.Tests;

/// <summary>The <c>coursekit-kernel</c> processes still alive that work in a notebook's folder (Linux <c>/proc</c>).</summary>
internal static class KernelProcesses
{
    public static IReadOnlyList<int> RunningFor(string notebookPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (commandLine.Contains("coursekit-kernel", StringComparison.Ordinal) &&
                    new DirectoryInfo(Path.Combine(dir, "cwd")).ResolveLinkTarget(true)?.FullName == folder)
                    found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
