namespace CourseKit.Notebooks.Grading;

/// <summary>A submission to grade: who, and the notebook file (null when none was found; then why).</summary>
public sealed record Submission(string Student, string? NotebookPath, string? Problem = null)
{
    /// <summary>
    /// The submissions in <paramref name="folder"/>: each <c>*.ipynb</c> file is one (named by its file
    /// name), each subfolder is one (named by the folder; its notebook is the one named as the
    /// assignment's, else its only notebook, searched in its subfolders too). With <paramref name="single"/>,
    /// the folder (or notebook file) itself is the one submission, as Gradescope's <c>/autograder/submission</c>.
    /// </summary>
    public static IReadOnlyList<Submission> Find(string folder, string assignmentFile, bool single)
    {
        if (File.Exists(folder) && folder.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            return [new Submission(Path.GetFileNameWithoutExtension(folder), Path.GetFullPath(folder))];
        if (!Directory.Exists(folder)) throw new ArgumentException($"no submission folder or notebook at '{folder}'");
        if (single) return [InFolder(Path.GetFullPath(folder), assignmentFile)];
        var found = new List<Submission>();
        foreach (var file in Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal))
            found.Add(new Submission(Path.GetFileNameWithoutExtension(file), Path.GetFullPath(file)));
        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
            found.Add(InFolder(Path.GetFullPath(dir), assignmentFile));
        if (found.Count == 0) throw new ArgumentException($"no submissions in '{folder}' (expected *.ipynb files or one folder per student)");
        if (found.GroupBy(s => s.Student).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"two submissions are named '{twice.Key}' in '{folder}'");
        return found;
    }

    private static Submission InFolder(string dir, string assignmentFile)
    {
        var student = Path.GetFileName(dir);
        var notebooks = Directory.GetFiles(dir, "*.ipynb", SearchOption.AllDirectories).Where(p => !p.Contains(".ipynb_checkpoints", StringComparison.Ordinal)).ToArray();
        var named = notebooks.Where(p => Path.GetFileName(p) == assignmentFile).ToArray();
        if (named.Length == 1) return new Submission(student, named[0]);
        if (notebooks.Length == 1) return new Submission(student, notebooks[0]);
        return new Submission(student, null, notebooks.Length == 0
            ? $"the submission has no notebook (expected {assignmentFile})"
            : $"the submission has {notebooks.Length} notebooks and none is named {assignmentFile}");
    }
}
