using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Grading;

/// <summary>
/// A submission's result in Gradescope's autograder format (<c>/autograder/results/results.json</c>):
/// <c>score</c>, <c>max_score</c>, <c>execution_time</c> (seconds), <c>output</c>, and one entry per
/// graded test in <c>tests</c> with <c>name</c>, <c>number</c>, <c>score</c>, <c>max_score</c>,
/// <c>status</c> ("passed" or "failed"), <c>visibility</c> and <c>output</c>.
/// </summary>
public static class GradescopeResults
{
    /// <summary>Gradescope's visibility of every test: the student sees it at once, as the visible checks already show them.</summary>
    public const string Visibility = "visible";

    public static JsonObject ToJson(SubmissionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tests = new JsonArray();
        for (var i = 0; i < result.Tests.Count; i++)
        {
            var t = result.Tests[i];
            tests.Add(new JsonObject
            {
                ["name"] = $"{result.NotebookName}: {t.GradeId}",
                ["number"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                ["score"] = t.Score,
                ["max_score"] = t.MaxScore,
                ["status"] = t.Outcome == TestOutcome.Passed ? "passed" : "failed",
                ["visibility"] = Visibility,
                ["output"] = $"{Describe(t.Outcome)}\n{t.Output}",
            });
        }
        var summary = $"{result.NotebookName}: {Number(result.Score)} of {Number(result.MaxScore)} points" +
                      string.Concat(result.Notes.Select(n => "\n" + n));
        return new JsonObject
        {
            ["score"] = result.Score,
            ["max_score"] = result.MaxScore,
            ["execution_time"] = Math.Round(result.Duration.TotalSeconds, 1),
            ["output"] = summary,
            ["visibility"] = Visibility,
            ["stdout_visibility"] = "hidden",
            ["tests"] = tests,
        };
    }

    public static void Save(SubmissionResult result, string path) =>
        File.WriteAllText(path, ToJson(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    /// <summary>The one-line verdict that starts a test's output.</summary>
    public static string Describe(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "Passed.",
        TestOutcome.Failed => "Failed: the test raised an error.",
        TestOutcome.TimedOut => "Failed: the test ran out of time.",
        TestOutcome.Crashed => "Failed: the code ended its kernel process (a crash, Environment.Exit, a stack overflow or too much memory).",
        TestOutcome.Tampered => "Failed: a locked cell was changed.",
        TestOutcome.Forbidden => "Failed: the solution calls a library function this exercise forbids.",
        _ => "Not run.",
    };

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
