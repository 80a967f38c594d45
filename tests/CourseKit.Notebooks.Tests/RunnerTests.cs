using CourseKit.Display;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// The runner on fixture notebooks, each run in a real <c>coursekit-kernel</c> process (.NET
/// Interactive's C# kernel): outputs recorded per kind, failures, parameters, timeouts.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class RunnerTests
{
    private static readonly RunOptions Options = new() { CellTimeout = TimeSpan.FromSeconds(120) };

    private static NotebookCell Cell(NotebookRun run, string id) => run.Executed!.Cells.Single(c => c.Id == id);

    [Fact]
    public void Passing_notebook_records_streams_values_and_tensor_tables_with_a_relative_reference()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("passing"), Options);

        Assert.True(run.Succeeded, run.FailureMessage);
        Assert.Empty(Cell(run, "passing-2").Outputs); // #r "../CourseKit.dll" resolved from the notebook's folder
        var streams = Cell(run, "passing-3").Outputs.Cast<StreamOutput>().ToArray();
        Assert.Equal([new StreamOutput("stdout", "sum 6\n"), new StreamOutput("stderr", "a note on stderr\n")], streams);

        var value = Assert.IsType<ExecuteResultOutput>(Assert.Single(Cell(run, "passing-4").Outputs));
        Assert.Equal("6", value.Data.Text);
        Assert.Equal(Cell(run, "passing-4").ExecutionCount, value.ExecutionCount);

        var tensor = Assert.IsType<ExecuteResultOutput>(Assert.Single(Cell(run, "passing-5").Outputs));
        Assert.Contains("<table", tensor.Data.Get(DisplayOutput.Html));
        Assert.Equal(6, CountOf(tensor.Data.Get(DisplayOutput.Html)!, "<td"));
        Assert.StartsWith("tensor([[1.0000, 2.0000, 3.0000],", tensor.Data.Text);

        // A trailing call of a void method shows nothing.
        Assert.All(Cell(run, "passing-7").Outputs, o => Assert.IsType<StreamOutput>(o));
        Assert.Equal(Enumerable.Range(1, 7), run.Executed!.Cells.Where(c => c.Kind == CellKind.Code).Select(c => c.ExecutionCount!.Value));
    }

    [Fact]
    public void Every_displayable_type_renders_in_the_kernel_with_the_mime_types_it_declares()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("display"), Options);

        Assert.True(run.Succeeded, run.FailureMessage);
        DisplayOutput Shown(string id) => Assert.Single(Cell(run, id).Outputs) switch
        {
            DisplayDataOutput d => d.Data,
            ExecuteResultOutput r => r.Data,
            var other => throw new Xunit.Sdk.XunitException($"{id}: unexpected output {other}"),
        };
        string[] Mimes(string id) => Shown(id).Data.Keys.Order(StringComparer.Ordinal).ToArray();
        string[] Expected(params string[] mimes) => mimes.Order(StringComparer.Ordinal).ToArray();

        Assert.Contains("<b>bold text</b>", Shown("display-3").Get(DisplayOutput.Html));
        Assert.Equal(Expected(DisplayOutput.Png, DisplayOutput.PlainText), Mimes("display-4"));
        Assert.StartsWith("iVBORw0KGgo", Shown("display-4").Get(DisplayOutput.Png));
        Assert.Equal("Image 240 x 120, 3 channel(s)", Shown("display-4").Text);
        Assert.Equal(Expected(DisplayOutput.Html, DisplayOutput.PlainText), Mimes("display-5")); // tensor
        Assert.Equal(4, CountOf(Shown("display-5").Get(DisplayOutput.Html)!, "<td"));
        // The progress bar: one output, updated in place, stored at its final state.
        Assert.Equal(Expected(DisplayOutput.Html, DisplayOutput.PlainText), Mimes("display-6"));
        Assert.StartsWith("fit: 50/50 (100%) loss ", Shown("display-6").Text);
        Assert.Contains("<progress max=\"50\" value=\"50\"", Shown("display-6").Get(DisplayOutput.Html));
        Assert.Equal("second", Shown("display-7").Text); // Notebook.display's handle updates its own output
        Assert.Equal(Expected(DisplayOutput.PlotlyJson, DisplayOutput.Png, DisplayOutput.PlainText), Mimes("display-8")); // chart: interactive figure and its static image
        Assert.StartsWith("iVBORw0KGgo", Shown("display-8").Get(DisplayOutput.Png));
        Assert.Equal(Expected(DisplayOutput.Png, DisplayOutput.PlainText), Mimes("display-9")); // image grid
        Assert.Equal(Expected(DisplayOutput.Html, DisplayOutput.Png, DisplayOutput.PlainText), Mimes("display-10")); // animation
        Assert.Equal(Expected(DisplayOutput.Html, DisplayOutput.PlainText), Mimes("display-11")); // exercise check
        Assert.Contains("matches the closed form", Shown("display-11").Text);
        // A student's own Plotly.NET chart (after the package manager's "installed" output): the interactive figure.
        var own = Assert.IsType<DisplayDataOutput>(Cell(run, "display-12").Outputs[^1]).Data;
        Assert.Equal(Expected(DisplayOutput.PlotlyJson, DisplayOutput.PlainText), own.Data.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("\"type\":\"scatter\"", own.Get(DisplayOutput.PlotlyJson));
    }

    [Fact]
    public void Failing_cell_records_the_exception_and_stops_the_notebook()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("failing"), Options);

        Assert.Equal("notebook failing, cell 3: InvalidOperationException: boom", run.FailureMessage);
        var outputs = Cell(run, "failing-3").Outputs;
        Assert.Equal(new StreamOutput("stdout", "before\n"), outputs[0]);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs.Skip(1)));
        Assert.Equal(("InvalidOperationException", "boom"), (error.Name, error.Value));
        Assert.Equal("System.InvalidOperationException: boom", error.Traceback[0]);
        var notRun = Cell(run, "failing-4");
        Assert.Null(notRun.ExecutionCount);
        Assert.Empty(notRun.Outputs);
    }

    [Fact]
    public void Compilation_errors_name_line_column_and_code_and_the_kernel_imports_only_its_defaults()
    {
        var path = TestFiles.Notebook("compile",
            "var sb = new StringBuilder(\"a\");\nvar list = new List<int> { 1 }.Select(i => i + 1).ToList();\nTask t = Task.CompletedTask;",
            "var x = 1;\nvar y = x + z;");

        var run = NotebookRunner.Run(path, Options);

        Assert.Equal(2, run.Failure?.CellNumber);
        Assert.Equal("CompilationError", run.Failure?.ErrorName);
        Assert.Contains("(2,13): error CS0103: The name 'z' does not exist in the current context", run.Failure?.Message);
    }

    [Fact]
    public void Parameters_are_injected_after_the_parameters_cell_and_override_its_values()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("parameters"), Options with { Quick = true, Seed = 7, Device = "cpu" });

        Assert.Equal(["markdown", "parameters-2", "injected-parameters", "parameters-3"],
            run.Executed!.Cells.Select(c => c.Kind == CellKind.Markdown ? "markdown" : c.Id));
        Assert.Equal([Parameters.InjectedTag], Cell(run, "injected-parameters").Tags);
        Assert.Equal(new StreamOutput("stdout", "Quick=True Seed=7 Device=cpu\n"), Cell(run, "parameters-3").Outputs.Single());
    }

    [Fact]
    public void Without_a_parameters_cell_they_come_first_and_injected_strings_are_escaped()
    {
        var path = TestFiles.Notebook("no_parameters", "Console.WriteLine($\"{Quick} {Device}\");");

        var run = NotebookRunner.Run(path, Options with { Quick = false, Device = "cuda\"; throw new Exception(\"x" });

        Assert.Equal("// Parameters injected by coursekit-notebooks\nbool Quick = false;\nstring Device = \"cuda\\\"; throw new Exception(\\\"x\";",
            run.Executed!.Cells[0].Source);
        Assert.Equal(new StreamOutput("stdout", "False cuda\"; throw new Exception(\"x\n"), run.Executed.Cells[1].Outputs.Single());
        var failed = run with { Failure = new CellFailure(0, "CompilationError", "(2,1): error CS0128: ...") };
        Assert.Equal("notebook no_parameters, injected parameters cell: CompilationError: (2,1): error CS0128: ...", failed.FailureMessage);
    }

    [Fact]
    public void A_cell_that_honours_cancellation_is_interrupted_at_the_timeout()
    {
        var path = TestFiles.Notebook("cooperative",
            "#r \"" + typeof(torch).Assembly.Location + "\"\nConsole.WriteLine(\"start\");",
            "using CourseKit.Display;\nusing (var bar = Progress.Start(1_000_000, \"endless\"))\n    for (var i = 0; ; i = (i + 1) % 1_000_000) { bar.Update(i); System.Threading.Thread.Sleep(1); }",
            "Console.WriteLine(\"never\");");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var run = NotebookRunner.Run(path, Options with { CellTimeout = TimeSpan.FromSeconds(3) });

        Assert.InRange(watch.Elapsed.TotalSeconds, 3, 60);
        Assert.Equal("notebook cooperative, cell 2: CellTimeout: cell 2 exceeded the timeout of 3 s", run.FailureMessage);
        var error = Assert.IsType<ErrorOutput>(run.Executed!.Cells[2].Outputs.Last());
        Assert.Contains("The cell was interrupted and its kernel shut down.", error.Traceback);
        Assert.Null(run.Executed.Cells[3].ExecutionCount);
    }

    [Fact]
    public void A_cell_that_ignores_the_interrupt_has_its_kernel_shut_down()
    {
        var path = TestFiles.Notebook("ignores", "var spins = 0L;\nwhile (true) spins++;");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var run = NotebookRunner.Run(path, Options with { CellTimeout = TimeSpan.FromSeconds(3), CancelGrace = TimeSpan.FromSeconds(1) });

        Assert.InRange(watch.Elapsed.TotalSeconds, 3, 60);
        var error = Assert.IsType<ErrorOutput>(run.Executed!.Cells[1].Outputs.Last());
        Assert.Equal("cell 1 exceeded the timeout of 3 s", error.Value);
        Assert.Contains("The cell was interrupted and its kernel shut down.", error.Traceback);
        Assert.Empty(KernelProcesses.RunningFor(path));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
