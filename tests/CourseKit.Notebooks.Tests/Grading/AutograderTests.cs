using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Grading;

namespace CourseKit.Notebooks.Tests.Grading;

/// <summary>The Gradescope autograder.zip, unzipped into a clean /autograder layout and run as Gradescope runs it.</summary>
[Collection(RunnerCollection.Name)]
public sealed class AutograderTests
{
    private static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    [Fact]
    public void RunAutograderInACleanLayoutGivesTheGradersResult()
    {
        var root = ClassGradingTests.RepositoryRoot();
        var program = Path.Combine(root, "lib", "CourseKit.Notebooks", "bin", "Release", "net10.0", "coursekit-notebooks.dll");
        var scratch = TestFiles.Scratch("autograder");
        var zip = Path.Combine(scratch, "autograder.zip");

        var (built, buildOutput) = Run("dotnet", [program, "autograder", "--assignment", ClassGradingTests.Notebook03, "--out", zip, "--test-timeout", "30"], new Dictionary<string, string?>());
        Assert.True(built == 0, buildOutput);

        // Gradescope's layout: the zip in /autograder/source, the student's files in /autograder/submission.
        var autograder = Path.Combine(scratch, "autograder");
        ZipFile.ExtractToDirectory(zip, Path.Combine(autograder, "source"));
        using (var archive = ZipFile.OpenRead(zip))
            Assert.Equal(["run_autograder", "setup.sh"], archive.Entries.Where(e => !e.FullName.Contains('/')).Select(e => e.FullName).Order());
        var generated = TestFiles.Scratch("autograder-submission");
        var kind = ClassGenerator.Kinds.Single(k => k.Name == "kl-sign");
        var student = ClassGenerator.Write(ClassGradingTests.Notebook03, [(kind, 1)], generated).Single().Key;
        Directory.CreateDirectory(Path.Combine(autograder, "submission"));
        File.Copy(Path.Combine(generated, student + ".ipynb"), Path.Combine(autograder, "submission", "03_variational_autoencoders.ipynb"));

        var (ran, runOutput) = Run("bash", [Path.Combine(autograder, "source", "run_autograder")],
            new Dictionary<string, string?> { ["AUTOGRADER_ROOT"] = autograder, ["COURSEKIT_KERNEL"] = null });

        Assert.True(ran == 0, runOutput);
        var results = Path.Combine(autograder, "results", "results.json");
        var (valid, messages) = SchemaValidator.Validate([results]);
        Assert.True(valid == 0, messages);
        var json = JsonNode.Parse(File.ReadAllText(results))!;
        var direct = SubmissionGrader.Grade(student, Path.Combine(generated, student + ".ipynb"), GradingPlan.Load(ClassGradingTests.Notebook03),
            new GradeOptions { TestTimeout = TimeSpan.FromSeconds(30) });
        Assert.Equal(kind.ExpectedScore, json["score"]!.GetValue<double>());
        Assert.Equal(direct.Score, json["score"]!.GetValue<double>());
        Assert.Equal(direct.Tests.Select(t => t.Score), json["tests"]!.AsArray().Select(t => t!["score"]!.GetValue<double>()));
    }
}
