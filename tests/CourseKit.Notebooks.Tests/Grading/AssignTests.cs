using System.Text.Json.Nodes;
using CourseKit.Notebooks.Cli;
using CourseKit.Notebooks.Format;
using CourseKit.Notebooks.Grading;

namespace CourseKit.Notebooks.Tests.Grading;

/// <summary><c>assign</c> on the course notebooks: releases without solutions, hidden tests or references; graded exercises; checksums.</summary>
public sealed class AssignTests
{
    private static IEnumerable<string> CourseNotebooks() =>
        Directory.GetFiles(Path.Combine(ClassGradingTests.RepositoryRoot(), "notebooks"), "*.ipynb").Order(StringComparer.Ordinal);

    /// <summary>Pieces of the reference solutions and hidden cases, as the sources write them.</summary>
    private static readonly string[] References =
    [
        "logvar.exp() - logvar - 1) * 0.5).sum(1)",
        "mu + sigma * randn_like(mu)",
        "reduction: \"none\").sum(1);",
        "return reconstruction + Kl(mu, logvar);",
        "(a - m.unsqueeze(1)).exp().sum(1).log()",
        "(logJoint - LogSumExp(logJoint).unsqueeze(1)).exp()",
        "manual_seed(1234)",
        "Expect.RequiresGrad(loss",
        "tiny = tensor(new float[] { -1000f, -1001f, -2000f }",
        "return nats / (dimensions * Math.Log(2));",
        "if (type == MaskType.B) mask[c, c].fill_(1);",
        "j == c && type == MaskType.B) ? 1 : 0",
        "softplus(realLogits.neg()).mean() + nn.functional.softplus(fakeLogits).mean();",
        "return nn.functional.softplus(fakeLogits.neg()).mean();",
        "autograd.grad(critic(mixed).sum(), mixed, create_graph: true);",
        "var dW = ((r * 1.3 - 1) * r * 2).mean() * 10;",
        "return a.sqrt() * x0 + (1 - a).sqrt() * noise;",
        "Per(alpha.sqrt() * (1 - alphaBarPrev) / (1 - alphaBar)) * x_t",
        "return t == 0 ? mean : mean + Math.Sqrt(b) * z;",
        "var t = tensor(new long[] { 0, 19, 7, 7, 12 });",
        "foreach (var step in new[] { 7, 3, 0 })",
        "var bias = y.matmul(V).unsqueeze(2).unsqueeze(3);",
        "return adversarial + 100 * l1;",
        "a class that no example has must get no gradient in V",
        "(d.neg().exp() + 1).log().mean()",
    ];

    private static (int Code, string Output, string Error) Assign(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = AssignCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void ReleasesOfEveryCourseNotebookHoldNoSolutionHiddenTestOrReference()
    {
        var root = TestFiles.Scratch("assign");
        var (release, instructor) = (Path.Combine(root, "release"), Path.Combine(root, "instructor"));

        var (code, output, error) = Assign([.. CourseNotebooks(), "--out", release, "--instructor", instructor]);

        Assert.True(code == 0, error);
        var searched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in CourseNotebooks())
        {
            var name = Path.GetFileName(source);
            var original = NotebookReader.Load(source);
            var text = File.ReadAllText(Path.Combine(release, name));
            var (valid, messages) = NbformatValidator.Validate(Path.Combine(release, name));
            Assert.True(valid == 0, messages);
            Assert.DoesNotContain("SOLUTION", text);
            Assert.DoesNotContain("HIDDEN TESTS", text);
            Assert.DoesNotContain("\"coursekit\"", text);
            // Every line that only solution regions and hidden tests hold is gone from the release as written.
            var strip = SolutionStripper.Strip(original) with { Student = NotebookReader.Load(Path.Combine(release, name)) };
            Assert.Empty(Assignment.Leaks(original, strip));
            foreach (var reference in References.Where(r => File.ReadAllText(source).Contains(r.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(reference.Replace("\"", "\\\"", StringComparison.Ordinal), text);
                searched.Add(reference);
            }
            if (File.ReadAllText(source).Contains("BEGIN HIDDEN TESTS", StringComparison.Ordinal))
                Assert.Contains("BEGIN HIDDEN TESTS", File.ReadAllText(Path.Combine(instructor, name)));
        }
        Assert.Equal(References.Length, searched.Count);                              // each piece was in a source, and is in no release
        Assert.Contains("03_variational_autoencoders.ipynb: 3 solution region(s), 3 hidden test region(s)", output);
        Assert.Contains("01_density_estimation.ipynb: 2 solution region(s), 2 hidden test region(s)", output);
        Assert.Contains("02_autoregressive_models.ipynb: 3 solution region(s), 2 hidden test region(s)", output);
        Assert.Contains("04_generative_adversarial_networks.ipynb: 3 solution region(s), 3 hidden test region(s)", output);
        Assert.Contains("05_conditional_models.ipynb: 2 solution region(s), 2 hidden test region(s)", output);
        Assert.Contains("06_diffusion_models.ipynb: 3 solution region(s), 3 hidden test region(s)", output);
    }

    [Theory]
    [InlineData("01_density_estimation.ipynb", 2)]
    [InlineData("02_autoregressive_models.ipynb", 2)]
    [InlineData("03_variational_autoencoders.ipynb", 3)]
    [InlineData("04_generative_adversarial_networks.ipynb", 3)]
    [InlineData("05_conditional_models.ipynb", 2)]
    [InlineData("06_diffusion_models.ipynb", 3)]
    public void CourseNotebooksHaveGradedExercisesWithRulesAndChecksums(string notebook, int exercises)
    {
        var source = NotebookReader.Load(Path.Combine(ClassGradingTests.RepositoryRoot(), "notebooks", notebook));
        var assignment = Assignment.Make(source);
        var plan = GradingPlan.From(assignment.Instructor, Path.Combine(ClassGradingTests.RepositoryRoot(), "notebooks", notebook));

        Assert.Equal(exercises, plan.Tests.Count);
        Assert.All(plan.Tests, t => Assert.True(t.Points > 0 && t.Forbidden.Count > 0 && t.ExerciseCellIds.Count == 1, t.GradeId));
        var locked = assignment.Release.Cells.Where(c => ExerciseCell.Read(c).Locked).ToArray();
        Assert.Equal(2 * exercises, locked.Length);
        Assert.All(locked, c => Assert.Equal(ExerciseCell.Checksum(c.Kind, c.Source), c.Metadata["nbgrader"]!["checksum"]!.GetValue<string>()));
        Assert.All(locked, c => Assert.False(c.Metadata["editable"]!.GetValue<bool>()));
        Assert.Equal("grading-setup", Assert.Single(plan.Steps, s => s.Kind == StepKind.Setup).CellId);
    }

    [Fact]
    public void NearMissMarkerFailsAssignNamingTheCellAndWritesNothing()
    {
        var bad = TestFiles.Notebook("near_miss", "var x = 1;", "int F()\n{\n    //BEGIN SOLUTION\n    return 42;\n    // END SOLUTION\n}");
        var root = TestFiles.Scratch("assign-bad");

        var (code, _, error) = Assign(bad, "--out", Path.Combine(root, "r"), "--instructor", Path.Combine(root, "i"));

        Assert.Equal(1, code);
        Assert.StartsWith("coursekit-notebooks: notebook near_miss, cell 2: line 3: `//BEGIN SOLUTION` looks like an exercise marker but is not one", error);
        Assert.False(Directory.Exists(Path.Combine(root, "r")));
    }

    [Fact]
    public void ReusedGradeIdIsRefused()
    {
        JsonObject Meta(string id) => new() { ["nbgrader"] = new JsonObject { ["grade"] = true, ["grade_id"] = id, ["points"] = 1, ["locked"] = true } };
        var notebook = new NotebookDocument([new(CellKind.Code, "a", "A();", Meta("t")), new(CellKind.Code, "b", "B();", Meta("t"))], new()) { Name = "hw" };

        var e = Assert.Throws<InvalidDataException>(() => Assignment.Make(notebook));

        Assert.Equal("notebook hw, cell 2: grade_id 't' is also the id of cell 1", e.Message);
    }
}
