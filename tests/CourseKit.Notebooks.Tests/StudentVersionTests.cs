using System.Text.Json.Nodes;
using CourseKit.Display;
using CourseKit.Notebooks.Cli;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Tests;

/// <summary>Student versions: solution regions and cells removed, outputs cleared, valid nbformat, and the result still runs.</summary>
[Collection(RunnerCollection.Name)]
public sealed class StudentVersionTests
{
    private const string KlSolution = """
        Tensor Kl(Tensor mu, Tensor logvar)
        {
            // KL(N(mu, exp(logvar)) || N(0, I)) per example: (B, Z) -> (B)
            // BEGIN SOLUTION
            var perCoordinate = 1 + logvar - mu * mu - logvar.exp();   // (B, Z)
            return perCoordinate.sum(1) * -0.5;                        // (B)
            // END SOLUTION
        }
        """;

    private static NotebookCell Code(string id, string source, params string[] tags)
    {
        var metadata = new JsonObject();
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        return new NotebookCell(CellKind.Code, id, source, metadata);
    }

    /// <summary>An exercise notebook with its solution, written next to the fixtures so that <c>#r "../CourseKit.dll"</c> resolves.</summary>
    private static string ExerciseNotebook()
    {
        var cells = new List<NotebookCell>
        {
            new(CellKind.Markdown, "intro", "# The KL term\n\nWrite it in the marked region of the next cell.", new()),
            Code("setup", "#r \"../CourseKit.dll\"\nusing CourseKit;\nusing CourseKit.Exercises;\nusing static CourseKit.torch;"),
            Code("exercise", KlSolution),
            Code("check", "VaeExercises.CheckKl(Kl)"),
            Code("answer", "Console.WriteLine(\"the solution, explained\");", "solution"),
            Code("after", "Console.WriteLine(\"the notebook goes on\");"),
        };
        var dir = Path.Combine(AppContext.BaseDirectory, "exercise-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "kl_exercise.ipynb");
        var notebook = new NotebookDocument(cells, new()) { Name = "kl_exercise" };
        notebook.Cells[2].Outputs.Add(new StreamOutput("stdout", "an old output\n"));
        notebook.Cells[2].ExecutionCount = 7;
        NotebookWriter.Save(notebook, path);
        return path;
    }

    private static (int exitCode, string output, string error) Student(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = StudentCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void RegionBecomesPlaceholderAndThrowWithTheIndentationOfTheBeginLine()
    {
        var (source, regions) = SolutionStripper.StripSource(KlSolution, "test");

        Assert.Equal(1, regions);
        Assert.Equal("""
            Tensor Kl(Tensor mu, Tensor logvar)
            {
                // KL(N(mu, exp(logvar)) || N(0, I)) per example: (B, Z) -> (B)
                // YOUR CODE HERE
                throw new NotImplementedException();
            }
            """, source);
    }

    [Fact]
    public void SeveralRegionsTabsCodeOnMarkerLinesAndCrLfAreHandled()
    {
        const string source = "double F(double x)\r\n{\r\n\t// BEGIN SOLUTION\r\n\tvar y = x * x;\r\n\treturn y; // END SOLUTION\r\n}\r\n" +
                              "int G() => H();\nint H()\n{\n        return 1; // BEGIN SOLUTION (one line) // END SOLUTION\n}";

        var (stripped, regions) = SolutionStripper.StripSource(source, "test");

        Assert.Equal(2, regions);
        Assert.Equal("double F(double x)\r\n{\r\n\t// YOUR CODE HERE\r\n\tthrow new NotImplementedException();\r\n}\r\n" +
                     "int G() => H();\nint H()\n{\n        // YOUR CODE HERE\n        throw new NotImplementedException();\n}", stripped);
    }

    [Fact]
    public void CodeWithoutMarkersIsKept()
    {
        const string source = "var x = 1;\n// a comment about SOLUTION\nConsole.WriteLine(x);\n";

        Assert.Equal((source, 0), SolutionStripper.StripSource(source, "test"));
    }

    [Theory]
    [InlineData("int F()\n{\n    return 1;\n    // END SOLUTION\n}", "line 4: `// END SOLUTION` without a `// BEGIN SOLUTION` before it")]
    [InlineData("int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n}", "line 3: `// BEGIN SOLUTION` has no `// END SOLUTION` after it in the cell")]
    [InlineData("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", "line 2: `// BEGIN SOLUTION` inside the solution region opened on line 1")]
    public void UnpairedMarkersAreAnErrorNamingNotebookCellAndLine(string source, string message)
    {
        var cells = new List<NotebookCell> { new(CellKind.Markdown, "m", "text", new()), Code("c", source) };

        var e = Assert.Throws<InvalidDataException>(() => SolutionStripper.Strip(new NotebookDocument(cells, new()) { Name = "vae" }));

        Assert.StartsWith($"notebook vae, cell 2: {message}", e.Message);
    }

    [Fact]
    public void StripRemovesSolutionCellsOutputsAndExecutionCountsAndLeavesMarkdownAlone()
    {
        var notebook = NotebookReader.Load(ExerciseNotebook());
        notebook.Cells[3].Outputs.Add(new DisplayDataOutput(DisplayOutput.FromText("old")));
        notebook.Cells[3].ExecutionCount = 3;

        var result = SolutionStripper.Strip(notebook);

        Assert.Equal((1, 1), (result.Regions, result.SolutionCells));
        Assert.Equal(["intro", "setup", "exercise", "check", "after"], result.Student.Cells.Select(c => c.Id));
        Assert.All(result.Student.Cells, c => Assert.Empty(c.Outputs));
        Assert.All(result.Student.Cells, c => Assert.Null(c.ExecutionCount));
        Assert.Contains("marked region", result.Student.Cells[0].Source);
        Assert.DoesNotContain("logvar.exp()", result.Student.Cells[2].Source);
        Assert.Single(notebook.Cells[3].Outputs);                                        // the input is not changed
        Assert.Equal(6, notebook.Cells.Count);
    }

    [Fact]
    public void CommandWritesValidNotebooksUnderTheSameNames()
    {
        var solution = ExerciseNotebook();
        var outDir = TestFiles.Scratch("student");

        var (code, output, error) = Student(solution, "--out", outDir);

        Assert.True(code == 0, error);
        Assert.Contains("kl_exercise.ipynb: 1 solution region(s) replaced, 1 solution cell(s) removed", output);
        var written = Path.Combine(outDir, "kl_exercise.ipynb");
        var (exit, messages) = NbformatValidator.Validate(written);
        Assert.True(exit == 0, messages);
        var json = JsonNode.Parse(File.ReadAllText(written))!;
        Assert.Equal(5, json["nbformat_minor"]!.GetValue<int>());
        foreach (var cell in json["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code"))
        {
            Assert.Empty(cell!["outputs"]!.AsArray());
            Assert.Null(cell["execution_count"]);
        }
        var text = File.ReadAllText(written);
        Assert.DoesNotContain("SOLUTION", text);
        Assert.DoesNotContain("the solution, explained", text);
        Assert.Contains("\"    // YOUR CODE HERE\\n\"", text);
        Assert.Contains("\"    throw new NotImplementedException();\\n\"", text);
    }

    [Fact]
    public void UnpairedMarkersFailTheCommandAndWriteNothing()
    {
        var good = ExerciseNotebook();
        var bad = TestFiles.Notebook("broken", "int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n}");
        var outDir = Path.Combine(TestFiles.Scratch("student-bad"), "out");

        var (code, _, error) = Student(good, bad, "--out", outDir);

        Assert.Equal(1, code);
        Assert.Equal("coursekit-notebooks: notebook broken, cell 1: line 3: `// BEGIN SOLUTION` has no `// END SOLUTION` after it in the cell", error.Trim());
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--bogus", "--out", "o")]
    [InlineData("missing.ipynb", "--out", "o")]
    public void UsageErrorsExitWith2(params string[] args)
    {
        var (code, _, error) = Student(args);

        Assert.Equal(2, code);
        Assert.Contains("usage: coursekit-notebooks student", error);
    }

    [Fact]
    public void CommandRefusesToOverwriteTheSolutions()
    {
        var solution = ExerciseNotebook();

        var (code, _, error) = Student(solution, "--out", Path.GetDirectoryName(solution)!);

        Assert.Equal(2, code);
        Assert.Contains("would overwrite the solutions", error);
    }

    [Fact]
    public void SolutionVersionPassesItsCheck()
    {
        var run = NotebookRunner.Run(ExerciseNotebook(), new RunOptions { CellTimeout = TimeSpan.FromSeconds(60) });

        Assert.True(run.Succeeded, run.FailureMessage);
        var check = Assert.IsType<ExecuteResultOutput>(Assert.Single(run.Executed!.Cells.Single(c => c.Id == "check").Outputs));
        Assert.StartsWith("✓ passed: KL divergence.", check.Data.Text);
        Assert.Contains("coursekit-check passed", check.Data.Get(DisplayOutput.Html));
    }

    [Fact]
    public void StudentVersionRunsToTheEndAndItsCheckSaysNotImplementedYet()
    {
        var outDir = Path.Combine(AppContext.BaseDirectory, "student-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(0, Student(ExerciseNotebook(), "--out", outDir).exitCode);

        var run = NotebookRunner.Run(Path.Combine(outDir, "kl_exercise.ipynb"), new RunOptions { CellTimeout = TimeSpan.FromSeconds(60) });

        Assert.True(run.Succeeded, run.FailureMessage);                               // the stripped code compiles and nothing crashes
        var check = Assert.IsType<ExecuteResultOutput>(Assert.Single(run.Executed!.Cells.Single(c => c.Id == "check").Outputs));
        Assert.Equal("✗ not yet: KL divergence. not implemented yet: replace the `throw` with your code", check.Data.Text);
        Assert.Contains("coursekit-check not-yet", check.Data.Get(DisplayOutput.Html));
        var after = Assert.IsType<StreamOutput>(Assert.Single(run.Executed!.Cells.Single(c => c.Id == "after").Outputs));
        Assert.Equal("the notebook goes on\n", after.Text);
    }
}
