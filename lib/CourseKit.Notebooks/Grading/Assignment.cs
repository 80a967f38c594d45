using System.Text.Json.Nodes;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Grading;

/// <summary>
/// One source notebook made into an assignment: the student release (see <see cref="SolutionStripper"/>),
/// with nbgrader checksums of its locked cells, and the instructor bundle (the source with solutions,
/// hidden tests and the same checksums, outputs cleared), which is what <c>grade</c> grades against.
/// </summary>
public sealed record Assignment(NotebookDocument Release, NotebookDocument Instructor, SolutionStripper.Result Strip)
{
    /// <summary>
    /// Makes the assignment from <paramref name="source"/>. Throws <see cref="InvalidDataException"/>
    /// naming the notebook and cell for malformed markers or metadata, a graded, solution or locked
    /// cell without a grade id, a grade id used twice, or removed text that still appears in the release.
    /// </summary>
    public static Assignment Make(NotebookDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Validate(source);
        var strip = SolutionStripper.Strip(source);
        var instructor = new NotebookDocument(source.Cells.Select(Copy).ToList(), (JsonObject)source.Metadata.DeepClone()) { Name = source.Name };
        foreach (var cell in strip.Student.Cells)
        {
            if (!ExerciseCell.Read(cell).Locked) continue;
            var checksum = ExerciseCell.Checksum(cell.Kind, cell.Source);
            ExerciseCell.SetChecksum(cell.Metadata, checksum);
            ExerciseCell.SetChecksum(instructor.Cells.Single(c => c.Id == cell.Id).Metadata, checksum);
        }
        if (Leaks(source, strip).FirstOrDefault() is { } leak)
            throw new InvalidDataException($"notebook {source.Name}: removed text is still in the student release: `{leak}`");
        return new Assignment(strip.Student, instructor, strip);
    }

    /// <summary>
    /// The removed lines (of solutions, hidden tests, solution cells) that still appear in the release. Only
    /// lines that the source holds nowhere but in removed text are looked for: a line such as
    /// <c>using (no_grad())</c> that the notebook also uses elsewhere is no leak.
    /// </summary>
    public static IEnumerable<string> Leaks(NotebookDocument source, SolutionStripper.Result strip)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(strip);
        static IEnumerable<string> Lines(IEnumerable<string> texts) =>
            texts.SelectMany(TextLines.Split).Select(l => l.Trim()).Where(l => l.Length > 1 && !l.StartsWith("// BEGIN", StringComparison.Ordinal) && !l.StartsWith("// END", StringComparison.Ordinal));
        var inSource = Lines(source.Cells.Select(c => c.Source)).CountBy(l => l).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var removed = Lines(strip.Removed ?? []).CountBy(l => l).Where(p => inSource.GetValueOrDefault(p.Key) == p.Value).Select(p => p.Key);
        var released = Lines(strip.Student.Cells.Select(c => c.Source)).ToHashSet(StringComparer.Ordinal);
        var text = string.Join("\n", strip.Student.Cells.Select(c => c.Source));
        return removed.Where(l => released.Contains(l) || (l.Length >= 12 && text.Contains(l, StringComparison.Ordinal)));
    }

    private static void Validate(NotebookDocument source)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < source.Cells.Count; i++)
        {
            var where = $"notebook {source.Name}, cell {i + 1}";
            var role = ExerciseCell.Read(source.Cells[i], where);
            if (!role.Any) continue;
            if (string.IsNullOrWhiteSpace(role.GradeId)) throw new InvalidDataException($"{where}: an nbgrader solution, graded or locked cell needs a grade_id");
            if (ids.TryGetValue(role.GradeId, out var other)) throw new InvalidDataException($"{where}: grade_id '{role.GradeId}' is also the id of cell {other}");
            ids[role.GradeId] = i + 1;
            if (role.Grade && role.Solution) throw new InvalidDataException($"{where}: a cell is either a solution or a graded test, not both");
            if (role.Forbidden.Count > 0 && !role.Grade) throw new InvalidDataException($"{where}: `forbid` rules belong on a graded test cell");
        }
    }

    private static NotebookCell Copy(NotebookCell cell) =>
        new(cell.Kind, cell.Id, cell.Source, (JsonObject)cell.Metadata.DeepClone()) { Attachments = (JsonObject?)cell.Attachments?.DeepClone() };
}
