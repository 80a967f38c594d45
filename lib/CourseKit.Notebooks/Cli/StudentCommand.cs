using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Cli;

/// <summary><c>coursekit-notebooks student</c>: writes the student versions of notebooks (see <see cref="SolutionStripper"/>).</summary>
public static class StudentCommand
{
    public const string Usage = """
        usage: coursekit-notebooks student [NOTEBOOK.ipynb | FOLDER]... --out DIR

        Writes the student version of each notebook (a folder: its *.ipynb files) to DIR under the same
        file name, as nbformat 4.5: every code region from a line with `// BEGIN SOLUTION` to a line with
        `// END SOLUTION` becomes `// YOUR CODE HERE` + `throw new NotImplementedException();`, cells
        tagged `solution` are removed, outputs and execution counts are cleared.
        Solution regions belong inside method bodies (the `throw` stops the code there).
        Exits 0 when every notebook was written, 1 when one has unpaired markers or cannot be read
        (then nothing is written), 2 on a usage error.
        """;

    /// <summary>Runs the command on <paramref name="args"/> (after the word <c>student</c>); returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string outDir;
        IReadOnlyList<string> notebooks;
        try
        {
            (notebooks, outDir) = Parse(args);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"coursekit-notebooks: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }

        // Strip everything first, so that a bad marker in one notebook leaves no half-written set.
        var results = new List<(string source, SolutionStripper.Result result)>();
        foreach (var path in notebooks)
        {
            try
            {
                results.Add((path, SolutionStripper.Strip(NotebookReader.Load(path))));
            }
            catch (InvalidDataException e)
            {
                error.WriteLine($"coursekit-notebooks: {e.Message}");
                return 1;
            }
        }
        Directory.CreateDirectory(outDir);
        foreach (var (source, result) in results)
        {
            var target = Path.Combine(outDir, Path.GetFileName(source));
            NotebookWriter.Save(result.Student, target);
            output.WriteLine($"{source} -> {target}: {result.Regions} solution region(s) replaced, {result.SolutionCells} solution cell(s) removed");
        }
        return 0;
    }

    private static (IReadOnlyList<string> notebooks, string outDir) Parse(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        string? outDir = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out")
                outDir = i + 1 < args.Count ? args[++i] : throw new ArgumentException("--out needs a value");
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unknown option {args[i]}");
            else
                paths.Add(args[i]);
        }
        if (outDir is null) throw new ArgumentException("--out DIR is required");
        if (paths.Count == 0) throw new ArgumentException("name at least one notebook or folder");
        var full = Path.GetFullPath(outDir);

        var notebooks = NotebookArguments.Expand(paths);
        if (notebooks.FirstOrDefault(n => string.Equals(Path.GetDirectoryName(n), full, StringComparison.Ordinal)) is { } clash)
            throw new ArgumentException($"--out {outDir} is the folder of {clash}: the student version would overwrite the solutions");
        if (notebooks.GroupBy(Path.GetFileName).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"two notebooks are named {twice.Key}; they would overwrite each other in {outDir}");
        return (notebooks, full);
    }
}
