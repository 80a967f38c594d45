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
    /// <summary>Shortest removed line (trimmed) that the leak search looks for; shorter ones ("}", "return x;") are too common to mean a leak.</summary>
    private const int LeakLineLength = 12;

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
        if (Leaks(strip).FirstOrDefault() is { } leak)
            throw new InvalidDataException($"notebook {source.Name}: removed text is still in the student release: `{leak}`");
        return new Assignment(strip.Student, instructor, strip);
    }

    /// <summary>The removed lines (solutions, hidden tests, solution cells) that still appear in the release's cells.</summary>
    public static IEnumerable<string> Leaks(SolutionStripper.Result strip)
    {
        var text = string.Join("\n", strip.Student.Cells.Select(c => c.Source));
        return (strip.Removed ?? [])
            .SelectMany(TextLines.Split)
            .Select(l => l.Trim())
            .Where(l => l.Length >= LeakLineLength && !l.StartsWith("// BEGIN", StringComparison.Ordinal) && !l.StartsWith("// END", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(l => text.Contains(l, StringComparison.Ordinal));
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
