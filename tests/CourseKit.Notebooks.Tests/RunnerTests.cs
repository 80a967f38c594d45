using CourseKit.Display;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Tests;

/// <summary>The runner on fixture notebooks: outputs recorded per kind, failures, directives, magics, parameters.</summary>
[Collection(RunnerCollection.Name)]
public sealed class RunnerTests
{
    private static readonly RunOptions Options = new() { CellTimeout = TimeSpan.FromSeconds(60) };

    private static NotebookCell Cell(NotebookRun run, string id) => run.Executed.Cells.Single(c => c.Id == id);

    [Fact]
    public void Passing_notebook_records_streams_values_and_tensor_tables()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("passing"), Options);

        Assert.True(run.Succeeded, run.FailureMessage);
        var streams = Cell(run, "passing-3").Outputs.Cast<StreamOutput>().ToArray();
        Assert.Equal([new StreamOutput("stdout", "sum 6\n"), new StreamOutput("stderr", "a note on stderr\n")], streams);

        var value = Assert.IsType<ExecuteResultOutput>(Assert.Single(Cell(run, "passing-4").Outputs));
        Assert.Equal("6", value.Data.Text);
        Assert.Equal(Cell(run, "passing-4").ExecutionCount, value.ExecutionCount);

        var tensor = Assert.IsType<ExecuteResultOutput>(Assert.Single(Cell(run, "passing-5").Outputs));
        Assert.Contains("<table", tensor.Data.Get(DisplayOutput.Html));
        Assert.Equal(6, CountOf(tensor.Data.Get(DisplayOutput.Html)!, "<td"));
        Assert.StartsWith("tensor([[1.0000, 2.0000, 3.0000],", tensor.Data.Text);

        // A trailing call of a void method shows nothing, as in the kernel.
        Assert.All(Cell(run, "passing-7").Outputs, o => Assert.IsType<StreamOutput>(o));
        Assert.Equal(Enumerable.Range(1, 7), run.Executed.Cells.Where(c => c.Kind == CellKind.Code).Select(c => c.ExecutionCount!.Value));
    }

    [Fact]
    public void Relative_r_resolves_from_the_notebook_folder_and_nuget_for_CourseKit_is_skipped_with_a_note()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("passing"), Options);

        var note = Assert.IsType<StreamOutput>(Assert.Single(Cell(run, "passing-2").Outputs));
        Assert.Equal("stderr", note.Name);
        Assert.Contains("#r \"nuget: CourseKit\" skipped", note.Text);
    }

    [Fact]
    public void A_missing_relative_reference_is_reported_with_its_absolute_path_in_the_notebook_folder()
    {
        var path = TestFiles.Notebook("missing_dll", "#r \"lib/Missing.dll\"\nvar x = 1;");

        var run = NotebookRunner.Run(path, Options);

        var error = Assert.IsType<ErrorOutput>(run.Executed.Cells[1].Outputs.Last());
        Assert.Equal("CompilationError", error.Name);
        Assert.Contains(Path.Combine(Path.GetDirectoryName(path)!, "lib", "Missing.dll"), error.Value);
    }

    [Fact]
    public void Nuget_reference_to_another_package_fails_the_cell_with_a_clear_message()
    {
        var path = TestFiles.Notebook("nuget", "#r \"nuget: Plotly.NET, 4.2.0\"\nvar x = 1;", "var y = 2;");

        var run = NotebookRunner.Run(path, Options);

        Assert.Equal(new CellFailure(1, "UnsupportedDirective",
            "line 1: #r \"nuget: Plotly.NET\" is not supported: the headless runner does no NuGet restore; reference a built assembly with #r \"path/to/Plotly.NET.dll\" instead"),
            run.Failure);
        Assert.Null(run.Executed.Cells[2].ExecutionCount);
    }

    [Fact]
    public void Failing_cell_records_an_error_with_the_line_and_stops_the_notebook()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("failing"), Options);

        Assert.Equal("notebook failing, cell 3: InvalidOperationException: boom", run.FailureMessage);
        var outputs = Cell(run, "failing-3").Outputs;
        Assert.Equal(new StreamOutput("stdout", "before\n"), outputs[0]);
        var error = Assert.IsType<ErrorOutput>(outputs[1]);
        Assert.Equal(("InvalidOperationException", "boom"), (error.Name, error.Value));
        Assert.Equal(["System.InvalidOperationException: boom", "   at cell 3, line 2"], error.Traceback);
        var notRun = Cell(run, "failing-4");
        Assert.Null(notRun.ExecutionCount);
        Assert.Empty(notRun.Outputs);
    }

    [Fact]
    public void Exceptions_from_library_code_show_the_calling_cell_line_and_inner_exceptions()
    {
        var path = TestFiles.Notebook("inner",
            "void Fail() => throw new InvalidOperationException(\"outer\", new ArgumentException(\"inner\"));",
            "var a = 1;\nFail();");

        var run = NotebookRunner.Run(path, Options);

        var error = Assert.IsType<ErrorOutput>(run.Executed.Cells[2].Outputs.Single());
        Assert.Equal("notebook inner, cell 2: InvalidOperationException: outer", run.FailureMessage);
        Assert.Contains("   at cell 1, line 1", error.Traceback);
        Assert.Contains("   at cell 2, line 2", error.Traceback);
        Assert.Contains("---> System.ArgumentException: inner", error.Traceback);
    }

    [Fact]
    public void Compilation_errors_name_line_column_and_code_inside_the_cell()
    {
        var path = TestFiles.Notebook("compile", "var x = 1;\nvar y = x + z;");

        var run = NotebookRunner.Run(path, Options);

        Assert.Equal(new CellFailure(1, "CompilationError",
            "line 2, column 13: CS0103: The name 'z' does not exist in the current context"), run.Failure);
    }

    [Fact]
    public void Magics_time_other_languages_and_unknown_ones()
    {
        var path = TestFiles.Notebook("magics",
            "#!time\nConsole.WriteLine(\"timed\");",
            "#!fsharp\nprintfn \"hello\"",
            "#!whos\nvar z = 3;\nz");

        var run = NotebookRunner.Run(path, Options);

        Assert.True(run.Succeeded, run.FailureMessage);
        var timed = Assert.IsType<StreamOutput>(Assert.Single(run.Executed.Cells[1].Outputs));
        Assert.Matches("^timed\nWall time: [0-9.]+ms\n$", timed.Text);
        var skipped = Assert.IsType<StreamOutput>(Assert.Single(run.Executed.Cells[2].Outputs));
        Assert.Contains("cell skipped: the cell is in another language (#!fsharp)", skipped.Text);
        Assert.Null(run.Executed.Cells[2].ExecutionCount);
        var unknown = run.Executed.Cells[3].Outputs;
        Assert.Contains("#!whos is not supported", Assert.IsType<StreamOutput>(unknown[0]).Text);
        Assert.Equal("3", Assert.IsType<ExecuteResultOutput>(unknown[1]).Data.Text);
    }

    [Fact]
    public void Parameters_are_injected_after_the_parameters_cell_and_override_its_values()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("parameters"), Options with { Quick = true, Seed = 7, Device = "cpu" });

        Assert.Equal(["markdown", "parameters-2", "injected-parameters", "parameters-3"],
            run.Executed.Cells.Select(c => c.Kind == CellKind.Markdown ? "markdown" : c.Id));
        Assert.Equal([Parameters.InjectedTag], Cell(run, "injected-parameters").Tags);
        Assert.Equal(new StreamOutput("stdout", "Quick=True Seed=7 Device=cpu\n"), Cell(run, "parameters-3").Outputs.Single());
    }

    [Fact]
    public void Without_a_parameters_cell_they_come_first_and_only_given_ones_are_declared()
    {
        var path = TestFiles.Notebook("no_parameters", "Console.WriteLine(Quick);");

        var run = NotebookRunner.Run(path, Options with { Quick = false });

        Assert.Equal("// Parameters injected by coursekit-notebooks\nbool Quick = false;", run.Executed.Cells[0].Source);
        Assert.Equal(new StreamOutput("stdout", "False\n"), run.Executed.Cells[1].Outputs.Single());
    }

    [Fact]
    public void Display_records_html_png_tensor_progress_and_updated_outputs()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("display"), Options);

        Assert.True(run.Succeeded, run.FailureMessage);
        DisplayOutput Shown(string id) => Assert.IsType<DisplayDataOutput>(Assert.Single(Cell(run, id).Outputs)).Data;
        Assert.Equal("<b>bold text</b>", Shown("display-3").Get(DisplayOutput.Html));
        Assert.StartsWith("iVBORw0KGgo", Shown("display-4").Get(DisplayOutput.Png));
        Assert.Equal("three stripes", Shown("display-4").Text);
        Assert.Equal(4, CountOf(Shown("display-5").Get(DisplayOutput.Html)!, "<td"));
        Assert.StartsWith("fit: 50/50 (100%) loss ", Shown("display-6").Text);
        Assert.Contains("<progress max=\"50\" value=\"50\"", Shown("display-6").Get(DisplayOutput.Html));
        Assert.Equal("second", Shown("display-7").Text);
        Assert.StartsWith("iVBORw0KGgo", Shown("display-8").Get(DisplayOutput.Png));
        Assert.Contains("<img", Shown("display-8").Get(DisplayOutput.Html));
    }

    [Fact]
    public void A_cell_that_honours_cancellation_is_stopped_at_the_timeout()
    {
        var path = TestFiles.Notebook("cooperative",
            "Console.WriteLine(\"start\");",
            "while (true) { CourseKit.Display.Notebook.Cancellation.ThrowIfCancellationRequested(); System.Threading.Thread.Sleep(5); }",
            "Console.WriteLine(\"never\");");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var run = NotebookRunner.Run(path, Options with { CellTimeout = TimeSpan.FromSeconds(1) });

        Assert.InRange(watch.Elapsed.TotalSeconds, 1, 20);
        Assert.Equal("notebook cooperative, cell 2: CellTimeout: cell 2 exceeded the timeout of 1 s", run.FailureMessage);
        Assert.False(run.AbandonedThread);
        var error = Assert.IsType<ErrorOutput>(run.Executed.Cells[2].Outputs.Last());
        Assert.Contains("The cell stopped when it was asked to (cancellation token).", error.Traceback);
        Assert.Null(run.Executed.Cells[3].ExecutionCount);
    }

    [Fact]
    public void A_progress_loop_is_stopped_at_the_timeout_by_its_progress_bar()
    {
        var path = TestFiles.Notebook("progress_loop",
            "using CourseKit.Display;\nusing (var bar = Progress.Start(1_000_000, \"endless\"))\n    for (var i = 0; ; i = (i + 1) % 1_000_000) { bar.Update(i); System.Threading.Thread.Sleep(1); }");

        var run = NotebookRunner.Run(path, Options with { CellTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal("CellTimeout", run.Failure?.ErrorName);
        Assert.False(run.AbandonedThread);
    }

    [Fact]
    public void A_cell_that_ignores_cancellation_is_abandoned_and_reported()
    {
        var path = TestFiles.Notebook("ignores", "while (true) System.Threading.Thread.Sleep(20);");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var run = NotebookRunner.Run(path, Options with { CellTimeout = TimeSpan.FromSeconds(1), CancelGrace = TimeSpan.FromMilliseconds(300) });

        Assert.InRange(watch.Elapsed.TotalSeconds, 1, 20);
        Assert.True(run.AbandonedThread);
        var error = Assert.IsType<ErrorOutput>(run.Executed.Cells[1].Outputs.Last());
        Assert.Equal("cell 1 exceeded the timeout of 1 s", error.Value);
        Assert.Contains("its thread was abandoned", string.Join("\n", error.Traceback));
    }

    [Fact]
    public void Injected_strings_are_escaped_and_a_failing_injected_cell_is_named_as_such()
    {
        var path = TestFiles.Notebook("quoted", "Console.WriteLine(Device);");

        var run = NotebookRunner.Run(path, Options with { Device = "cuda\"; throw new Exception(\"x" });

        Assert.Equal(new StreamOutput("stdout", "cuda\"; throw new Exception(\"x\n"), run.Executed.Cells[1].Outputs.Single());
        var failed = run with { Failure = new CellFailure(0, "CompilationError", "line 2, column 1: CS0128: ...") };
        Assert.Equal("notebook quoted, injected parameters cell: CompilationError: line 2, column 1: CS0128: ...", failed.FailureMessage);
    }

    [Fact]
    public void Kernel_default_imports_are_available_and_no_others()
    {
        var path = TestFiles.Notebook("imports",
            "var sb = new StringBuilder(\"a\");\nvar list = new List<int> { 1 }.Select(i => i + 1).ToList();\nTask t = Task.CompletedTask;\nIEnumerable e = list;",
            "var f = File.Exists(\"x\");");

        var run = NotebookRunner.Run(path, Options);

        Assert.Equal(2, run.Failure?.CellNumber);
        Assert.Contains("'File' does not exist", run.Failure?.Message);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
