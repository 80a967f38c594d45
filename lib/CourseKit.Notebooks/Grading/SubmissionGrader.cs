using System.Diagnostics;
using System.Globalization;
using System.Text;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Grading;

/// <summary>
/// Grades one submission against a <see cref="GradingPlan"/> in a kernel process of its own:
/// <list type="number">
/// <item>locked cells are compared by checksum with the release; a changed or missing one costs the
/// graded test of its exercise (the cell itself is always run from the plan, never from the submission);</item>
/// <item>each test's static rule (<see cref="ForbiddenCalls"/>) is applied to its exercise's solution cells;</item>
/// <item>the setup cells, the student's solution cells and the locked check and test cells run in order,
/// each under its wall-time limit and the memory limit. A graded test earns its points when its cell runs
/// without error. A cell that hangs, exits the process, overflows the stack or exhausts the memory
/// ends the kernel: that test gets 0, a fresh kernel replays the setup and the solution cells that
/// ran, and grading goes on with the next cell.</item>
/// </list>
/// </summary>
public static class SubmissionGrader
{
    private const int OutputLimit = 4000;

    public static SubmissionResult Grade(string student, string submissionPath, GradingPlan plan, GradeOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        NotebookDocument submission;
        try { submission = NotebookReader.Load(submissionPath); }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            var why = $"the submission could not be read: {e.Message}";
            return new SubmissionResult(student, plan.Name, plan.Tests.Select(t => NotRun(t, why)).ToArray(), [why], 0, watch.Elapsed);
        }

        var notes = new List<string>();
        var decided = new Dictionary<string, TestResult>(StringComparer.Ordinal);
        var studentCells = submission.Cells.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        CheckLockedCells(plan, studentCells, notes, decided);
        ApplyStaticRules(plan, studentCells, decided);

        using var session = new KernelSession(plan.WorkingDirectory, options.MemoryLimitBytes);
        var replay = new List<(PlanStep Step, string Code)>();
        string? stopped = null;
        var checks = new StringBuilder();
        foreach (var step in plan.Steps)
        {
            if (step.Test is { } decidedTest && decided.ContainsKey(decidedTest.GradeId))
            {
                checks.Clear();
                continue;
            }
            var code = step.Kind == StepKind.Solution ? studentCells.GetValueOrDefault(step.CellId)?.Source : step.Source;
            if (code is null)
            {
                notes.Add($"your notebook has no cell {step.CellId} (an exercise cell of the assignment); it was not graded");
                continue;
            }
            if (!session.Alive && (stopped = StartAndReplay(session, replay, options)) is not null) break;
            var timeout = step.Kind == StepKind.Setup ? options.SetupTimeout : step.Test?.TimeLimit ?? options.TestTimeout;
            var (cell, error) = session.Run(step.CellId, step.CellNumber, code, timeout);
            switch (step.Kind)
            {
                case StepKind.Setup when error is not null:
                    stopped = $"the assignment's setup (cell {step.CellNumber}) failed: {error.Name}: {error.Value}";
                    break;
                case StepKind.Setup:
                    replay.Add((step, code));
                    break;
                case StepKind.Solution when error is null:
                    replay.Add((step, code));
                    break;
                case StepKind.Solution:
                    checks.Append(CultureInfo.InvariantCulture, $"Your cell {step.CellId} failed: {Describe(error, timeout)}\n");
                    break;
                case StepKind.Check:
                    checks.Append(Text(cell));
                    if (error is not null) checks.Append(CultureInfo.InvariantCulture, $"The check cell {step.CellId} failed: {Describe(error, timeout)}");
                    break;
                case StepKind.Test:
                    decided[step.Test!.GradeId] = Scored(step.Test, cell, error, checks.ToString(), timeout);
                    checks.Clear();
                    break;
            }
            if (stopped is not null) break;
        }
        var results = plan.Tests.Select(t => decided.GetValueOrDefault(t.GradeId) ?? NotRun(t, stopped ?? "this test was not run")).ToArray();
        if (stopped is not null) notes.Add(stopped);
        return new SubmissionResult(student, plan.Name, results, notes, session.Starts, watch.Elapsed);
    }

    private static void CheckLockedCells(GradingPlan plan, Dictionary<string, NotebookCell> cells, List<string> notes, Dictionary<string, TestResult> decided)
    {
        foreach (var step in plan.Steps.Where(s => s.ExpectedChecksum is not null))
        {
            var mine = cells.GetValueOrDefault(step.CellId);
            var why = mine is null ? "was deleted"
                : ExerciseCell.Checksum(mine.Kind, mine.Source) != step.ExpectedChecksum ? "was changed (its checksum differs from the release's)" : null;
            if (why is null) continue;
            var test = plan.TestOwning(step);
            var message = $"the locked cell {step.CellId} (cell {step.CellNumber}) {why}; locked cells must stay as released, so the test '{test.GradeId}' gets 0";
            notes.Add(message);
            decided.TryAdd(test.GradeId, new TestResult(test.GradeId, 0, test.Points, TestOutcome.Tampered, message));
        }
    }

    private static void ApplyStaticRules(GradingPlan plan, Dictionary<string, NotebookCell> cells, Dictionary<string, TestResult> decided)
    {
        foreach (var test in plan.Tests.Where(t => t.Forbidden.Count > 0 && !decided.ContainsKey(t.GradeId)))
        {
            var code = string.Join("\n", test.ExerciseCellIds.Select(id => cells.GetValueOrDefault(id)?.Source ?? ""));
            var broken = ForbiddenCalls.Find(code, test.Forbidden);
            if (broken.Count == 0) continue;
            decided[test.GradeId] = new TestResult(test.GradeId, 0, test.Points, TestOutcome.Forbidden,
                $"your solution calls {string.Join(", ", broken)}, which this exercise asks you to write yourself; the test gets 0");
        }
    }

    /// <summary>Starts a kernel and replays the setup and the solution cells that ran; null when ready, else why grading stops.</summary>
    private static string? StartAndReplay(KernelSession session, List<(PlanStep Step, string Code)> replay, GradeOptions options)
    {
        if (session.Starts > options.MaxRestarts) return $"grading stopped after {options.MaxRestarts} kernel restarts; the remaining tests were not run";
        if (session.Start() is { } why) return $"the kernel did not start: {why}";
        foreach (var (step, code) in replay)
        {
            var timeout = step.Kind == StepKind.Setup ? options.SetupTimeout : options.TestTimeout;
            if (session.Run(step.CellId, step.CellNumber, code, timeout).Error is { } error)
                return $"replaying cell {step.CellNumber} after a restart failed: {error.Name}: {error.Value}";
        }
        return null;
    }

    private static TestResult Scored(GradedTest test, NotebookCell cell, ErrorOutput? error, string checks, TimeSpan timeout)
    {
        var outcome = error switch
        {
            null => TestOutcome.Passed,
            { Name: "CellTimeout" } => TestOutcome.TimedOut,
            { Name: "KernelDied" } => TestOutcome.Crashed,
            _ => TestOutcome.Failed,
        };
        var text = new StringBuilder(checks);
        text.Append(Text(cell));
        if (error is not null) text.Append(Describe(error, timeout));
        else text.Append("passed");
        var output = text.ToString().Trim();
        if (output.Length > OutputLimit) output = output[..OutputLimit] + " …";
        return new TestResult(test.GradeId, outcome == TestOutcome.Passed ? test.Points : 0, test.Points, outcome, output);
    }

    private static string Describe(ErrorOutput error, TimeSpan timeout) => error.Name switch
    {
        "CellTimeout" => $"it ran past its limit of {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (an endless loop?) and was stopped; the other tests still ran\n",
        "KernelDied" => $"{error.Value}; the other tests still ran in a fresh kernel\n",
        _ => $"{error.Name}: {error.Value}\n",
    };

    /// <summary>What a cell showed, as text: its streams and the plain text of its displays (errors are described separately).</summary>
    private static string Text(NotebookCell cell)
    {
        var text = new StringBuilder();
        foreach (var output in cell.Outputs)
        {
            var part = output switch
            {
                StreamOutput s => s.Text,
                DisplayDataOutput d => d.Data.Text,
                ExecuteResultOutput r => r.Data.Text,
                _ => "",
            };
            if (part.Length > 0) text.Append(part.TrimEnd()).Append('\n');
        }
        return text.ToString();
    }

    private static TestResult NotRun(GradedTest test, string why) => new(test.GradeId, 0, test.Points, TestOutcome.NotRun, why);
}
