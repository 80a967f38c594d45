namespace CourseKit.Notebooks.Cli;

/// <summary>Notebook paths on a command line: files as given, folders' *.ipynb in name order.</summary>
internal static class NotebookArguments
{
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> paths)
    {
        var notebooks = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) notebooks.AddRange(Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal));
            else if (File.Exists(path)) notebooks.Add(path);
            else throw new ArgumentException($"no notebook or folder at '{path}'");
        }
        if (notebooks.Count == 0) throw new ArgumentException($"no .ipynb files in {string.Join(", ", paths)}");
        return notebooks.Select(Path.GetFullPath).ToList();
    }
}
