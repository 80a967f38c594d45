using CourseKit.Notebooks.Format;
using CourseKit.Notebooks.Grading;

namespace CourseKit.Notebooks.Cli;

/// <summary><c>coursekit-notebooks assign</c>: student releases and instructor bundles (see <see cref="Assignment"/>).</summary>
public static class AssignCommand
{
    public const string Usage = """
        usage: coursekit-notebooks assign [NOTEBOOK.ipynb | FOLDER]... [--out DIR] [--instructor DIR]

        Makes each source notebook an assignment. DIR (default release) gets the student release under the
        same file name: solution regions (`// BEGIN SOLUTION` ... `// END SOLUTION`) become a `throw`,
        hidden tests (`// BEGIN HIDDEN TESTS` ... `// END HIDDEN TESTS`) and cells tagged `solution` are
        removed, outputs, attachments and instructor metadata are cleared, locked cells are read-only
        and carry nbgrader checksums. The instructor folder (default instructor) gets the source with
        the same checksums: `coursekit grade --assignment` grades against it. Put both folders beside
        the notebooks' folder so that relative `#r` paths still resolve.
        Markers are parsed strictly: a near miss (`//BEGIN SOLUTION`, `// begin solution`,
        `/* BEGIN SOLUTION */`, a marker in a markdown cell) is an error naming the notebook, cell and line.
        Exits 0 when every notebook was written, 1 when one is refused (then nothing is written), 2 on a usage error.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var paths = new List<string>();
        string release = "release", instructor = "instructor";
        IReadOnlyList<string> notebooks;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--out": release = Value(); break;
                    case "--instructor": instructor = Value(); break;
                    case var a when a.StartsWith("--", StringComparison.Ordinal): throw new ArgumentException($"unknown option {a}");
                    default: paths.Add(args[i]); break;
                }
            }
            notebooks = NotebookArguments.Expand(paths.Count == 0 ? ["notebooks"] : paths);
            foreach (var dir in new[] { release, instructor })
                if (notebooks.FirstOrDefault(n => Path.GetDirectoryName(n) == Path.GetFullPath(dir)) is { } clash)
                    throw new ArgumentException($"{dir} is the folder of {clash}: the source would be overwritten");
            if (Path.GetFullPath(release) == Path.GetFullPath(instructor)) throw new ArgumentException("--out and --instructor must be different folders");
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"coursekit-notebooks: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }

        var made = new List<(string Source, Assignment Assignment)>();
        foreach (var path in notebooks)
        {
            try { made.Add((path, Assignment.Make(NotebookReader.Load(path)))); }
            catch (InvalidDataException e)
            {
                error.WriteLine($"coursekit-notebooks: {e.Message}");
                return 1;
            }
        }
        Directory.CreateDirectory(release);
        Directory.CreateDirectory(instructor);
        foreach (var (source, assignment) in made)
        {
            var name = Path.GetFileName(source);
            NotebookWriter.Save(assignment.Release, Path.Combine(release, name));
            NotebookWriter.Save(assignment.Instructor, Path.Combine(instructor, name));
            var s = assignment.Strip;
            var graded = assignment.Instructor.Cells.Select(c => ExerciseCell.Read(c)).Where(r => r.Grade).ToArray();
            output.WriteLine($"{name}: {s.Regions} solution region(s), {s.HiddenRegions} hidden test region(s), {s.SolutionCells} solution cell(s) removed; " +
                             $"{graded.Length} graded test(s), {graded.Sum(r => r.Points):0.##} points -> {Path.Combine(release, name)}, {Path.Combine(instructor, name)}");
        }
        return 0;
    }
}
