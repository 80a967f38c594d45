using System.Globalization;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Cli;
using CourseKit.Notebooks.Grading;
using Xunit.Abstractions;

namespace CourseKit.Notebooks.Tests.Grading;

/// <summary>
/// A generated class of notebook 03 graded in real kernels, every submission to its exact expected score.
/// The regular suite grades one submission of each kind; the class of 200 runs when
/// <c>COURSEKIT_CLASS_SIZE=200</c> is set (<c>scripts/grade-class.sh</c>), and prints each submission's time and the total.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class ClassGradingTests(ITestOutputHelper log)
{
    public const string ClassSizeVariable = "COURSEKIT_CLASS_SIZE";

    /// <summary>The limits of the class runs: 30 s per cell (the notebook's own take about 1 s on an idle machine; a busy one is many times slower).</summary>
    private static GradeOptions Options => new() { TestTimeout = TimeSpan.FromSeconds(30), MemoryLimitBytes = 3_000_000_000 };

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (CourseKit.sln) was not found above the test assembly");
    }

    internal static string Notebook03 => Path.Combine(RepositoryRoot(), "notebooks", "03_variational_autoencoders.ipynb");

    [Fact]
    public void OneOfEachKindGradesToItsExpectedScore() => GradeClass(ClassGenerator.Kinds.Select(k => (k, 1)).ToArray(), "class-small");

    [Fact]
    public void ClassOf200GradesToExpectedScores()
    {
        if (Environment.GetEnvironmentVariable(ClassSizeVariable) != "200")
        {
            log.WriteLine($"skipped: set {ClassSizeVariable}=200 (scripts/grade-class.sh) to grade the class of 200");
            return;
        }
        var kinds = ClassGenerator.ClassOf200();
        Assert.Equal(200, kinds.Sum(k => k.Count));
        GradeClass(kinds, "class-200");
    }

    private void GradeClass(IReadOnlyList<(SubmissionKind Kind, int Count)> kinds, string name)
    {
        var submissions = TestFiles.Scratch(name + "-submissions");
        var outDir = TestFiles.Scratch(name + "-graded");
        var expected = ClassGenerator.Write(Notebook03, kinds, submissions);
        var plan = GradingPlan.Load(Notebook03);
        // Progress goes to a file as it happens (a long class can be followed with tail -f), and to the test log at the end.
        var progressPath = Path.Combine(outDir, "progress.log");
        IReadOnlyList<SubmissionResult> results;
        using (var progress = new StreamWriter(progressPath) { AutoFlush = true })
            results = GradeCommand.GradeAll(Submission.Find(submissions, plan.FileName, single: false), plan, Options, outDir, progress);

        log.WriteLine(File.ReadAllText(progressPath));
        foreach (var r in results)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Student,-28} {r.Score}/{r.MaxScore} (expected {expected[r.Student]}) {r.Duration.TotalSeconds,6:0.0} s, {r.KernelStarts} kernel start(s): {string.Join(", ", r.Tests.Select(t => $"{t.GradeId} {t.Outcome}"))}"));
        var wrong = results.Where(r => r.Score != expected[r.Student])
            .Select(r => $"{r.Student}: {r.Score} instead of {expected[r.Student]}: " + string.Join(" | ", r.Tests.Select(t => $"{t.GradeId} {t.Outcome}: {t.Output}").Concat(r.Notes)))
            .ToArray();
        Assert.True(wrong.Length == 0, string.Join("\n\n", wrong));

        var files = results.Select(r => Path.Combine(outDir, r.Student, "results.json")).ToArray();
        var (exit, messages) = SchemaValidator.Validate(files);
        Assert.True(exit == 0, messages);
        var gradebook = File.ReadAllLines(Path.Combine(outDir, "gradebook.csv"));
        Assert.Equal(results.Count + 1, gradebook.Length);
        foreach (var r in results)
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, r.Student, "results.json")))!;
            Assert.Equal(expected[r.Student], json["score"]!.GetValue<double>());
            Assert.Contains("points</b>", File.ReadAllText(Path.Combine(outDir, r.Student, "feedback.html")));
        }
    }
}
