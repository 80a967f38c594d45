using System.Globalization;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Grading;

/// <summary>What a step of grading runs: the instructor's setup code, the student's solution, a locked check, a graded test.</summary>
public enum StepKind
{
    Setup,
    Solution,
    Check,
    Test,
}

/// <summary>
/// One graded test: the nbgrader grade id, its points, the static rules it applies to the solution
/// cells of its exercise (those since the previous graded test) and its wall-time limit.
/// </summary>
public sealed record GradedTest(string GradeId, string CellId, int CellNumber, double Points, IReadOnlyList<string> Forbidden,
    IReadOnlyList<string> ExerciseCellIds, TimeSpan? TimeLimit);

/// <summary>
/// One code cell the grader runs, in notebook order. <see cref="Source"/> is the instructor's code
/// (setup, checks and tests, hidden tests included); solution steps run the student's code instead.
/// <see cref="ExpectedChecksum"/> is the checksum of a locked cell as released (hidden tests removed).
/// </summary>
public sealed record PlanStep(StepKind Kind, string CellId, int CellNumber, string Source, GradedTest? Test, string? ExpectedChecksum);

/// <summary>
/// How one notebook is graded, read from its instructor version (see <see cref="ExerciseCell"/>):
/// the setup, then every solution, locked and graded cell in order. The setup is the code in the notebook
/// metadata <c>coursekit.grading.setup_code</c> (e.g. the <c>#r</c> and <c>using</c> lines the exercises
/// need, without the data loading of the notebook's own first cells), or the cells named in
/// <c>coursekit.grading.setup</c>, or by default the code cells before the first exercise cell. Cells that
/// play no part (training runs, figures) are not run, so grading a submission takes seconds.
/// A submission's graded and locked cells are always run from this plan, never from the submission.
/// </summary>
public sealed record GradingPlan(string Name, string FileName, string WorkingDirectory, IReadOnlyList<PlanStep> Steps, IReadOnlyList<GradedTest> Tests)
{
    public double MaxScore => Tests.Sum(t => t.Points);

    /// <summary>The plan of the instructor notebook at <paramref name="path"/>.</summary>
    public static GradingPlan Load(string path)
    {
        var full = Path.GetFullPath(path);
        return From(NotebookReader.Load(full), full);
    }

    /// <summary>The plan of <paramref name="instructor"/>, which was read from <paramref name="path"/> (its folder is where the kernel works).</summary>
    public static GradingPlan From(NotebookDocument instructor, string path)
    {
        var released = SolutionStripper.Strip(instructor).Student;
        var setupIds = SetupIds(instructor);
        var steps = new List<PlanStep>();
        if (SetupCode(instructor) is { } setupCode)
        {
            steps.Add(new PlanStep(StepKind.Setup, "grading-setup", 0, setupCode, null, null));
            setupIds = [];
        }
        var tests = new List<GradedTest>();
        var exercise = new List<string>();
        var firstExercise = FirstExercise(instructor);
        for (var i = 0; i < instructor.Cells.Count; i++)
        {
            var cell = instructor.Cells[i];
            if (cell.Kind != CellKind.Code) continue;
            var where = $"notebook {instructor.Name}, cell {i + 1}";
            var role = ExerciseCell.Read(cell, where);
            var checksum = role.Locked ? ExerciseCell.Checksum(cell.Kind, released.Cells.Single(c => c.Id == cell.Id).Source) : null;
            if (role.Solution)
            {
                steps.Add(new PlanStep(StepKind.Solution, cell.Id, i + 1, cell.Source, null, checksum));
                exercise.Add(cell.Id);
            }
            else if (role.Grade)
            {
                var limit = role.TimeLimitSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
                var test = new GradedTest(role.GradeId ?? cell.Id, cell.Id, i + 1, role.Points, role.Forbidden, [.. exercise], limit);
                tests.Add(test);
                steps.Add(new PlanStep(StepKind.Test, cell.Id, i + 1, cell.Source, test, checksum));
                exercise.Clear();
            }
            else if (role.Locked) steps.Add(new PlanStep(StepKind.Check, cell.Id, i + 1, cell.Source, null, checksum));
            else if (setupIds?.Contains(cell.Id) ?? i < firstExercise)
                steps.Add(new PlanStep(StepKind.Setup, cell.Id, i + 1, cell.Source, null, null));
        }
        if (tests.Count == 0) throw new InvalidDataException($"notebook {instructor.Name}: it has no graded cell (nbgrader metadata grade: true with points)");
        return new GradingPlan(instructor.Name, Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path))!, steps, tests);
    }

    /// <summary>The graded test a locked cell's tampering costs: the cell's own test, else the next one, else the last.</summary>
    public GradedTest TestOwning(PlanStep step)
    {
        if (step.Test is { } own) return own;
        var index = Steps.ToList().IndexOf(step);
        return Steps.Skip(index).FirstOrDefault(s => s.Test is not null)?.Test ?? Tests[^1];
    }

    private static int FirstExercise(NotebookDocument notebook)
    {
        var index = notebook.Cells.FindIndex(c => ExerciseCell.Read(c).Any);
        return index < 0 ? notebook.Cells.Count : index;
    }

    private static string? SetupCode(NotebookDocument notebook) =>
        (notebook.Metadata[ExerciseCell.CourseKitKey] as JsonObject)?["grading"] is JsonObject grading && grading["setup_code"] is JsonValue code
            ? code.GetValue<string>()
            : null;

    private static HashSet<string>? SetupIds(NotebookDocument notebook)
    {
        if ((notebook.Metadata[ExerciseCell.CourseKitKey] as JsonObject)?["grading"] is not JsonObject grading) return null;
        if (grading["setup"] is not JsonArray setup) return null;
        var ids = setup.Select(v => v?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal);
        if (ids.FirstOrDefault(id => notebook.Cells.All(c => c.Id != id)) is { } missing)
            throw new InvalidDataException($"notebook {notebook.Name}: metadata coursekit.grading.setup names cell '{missing}', which it does not have");
        return ids;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Tests.Count} graded tests, {MaxScore} points, {Steps.Count} steps");
}
