namespace CourseKit.Data;

/// <summary>Finds the folder of datasets shipped with CourseKit (the repository's <c>datasets/</c>).</summary>
public static class Datasets
{
    /// <summary>The environment variable that, when set, names the datasets folder.</summary>
    public const string EnvironmentVariable = "COURSEKIT_DATASETS";

    /// <summary>
    /// The datasets folder (the one holding <c>mnist/</c>, <c>fashion-mnist/</c> and
    /// <c>checksums.sha256</c>): the folder named by <c>COURSEKIT_DATASETS</c> when that is set,
    /// otherwise the first <c>datasets/</c> folder containing <c>checksums.sha256</c> found by
    /// walking up from the folder of CourseKit.dll, then from the current directory (so
    /// notebooks in <c>notebooks/</c>, tests in <c>tests/.../bin/Debug/net10.0</c> and tools
    /// started at the repository root all find it). Looked up on every call, so a changed
    /// variable or directory takes effect at once.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">
    /// The variable names a missing folder, or no datasets folder was found; the message lists
    /// where CourseKit looked.
    /// </exception>
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                var full = Path.GetFullPath(fromEnvironment);
                return Directory.Exists(full)
                    ? full
                    : throw new DirectoryNotFoundException(
                        $"{EnvironmentVariable} is set to {full}, which is not a folder. Point it at the datasets folder " +
                        "(the one holding mnist/, fashion-mnist/ and checksums.sha256), or unset it to search the repository.");
            }

            var starts = StartFolders().Distinct().ToList();
            foreach (var start in starts)
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "datasets");
                    if (File.Exists(Path.Combine(candidate, Checksums.FileName))) return candidate;
                }
            }
            throw new DirectoryNotFoundException(
                $"CourseKit's datasets folder (datasets/ holding {Checksums.FileName}) was not found above " +
                $"{string.Join(" or ", starts)}. Run from inside the CourseKit repository, or set {EnvironmentVariable} " +
                "to the datasets folder.");
        }
    }

    private static IEnumerable<string> StartFolders()
    {
        var assemblyFolder = Path.GetDirectoryName(typeof(Datasets).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyFolder)) yield return assemblyFolder;
        yield return Environment.CurrentDirectory;
    }
}
