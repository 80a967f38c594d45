using System.Diagnostics;
using CourseKit.Notebooks.Cli;

namespace CourseKit.Notebooks.Tests;

/// <summary>The command: files it writes, validity of the executed notebooks, exit codes and messages.</summary>
[Collection(RunnerCollection.Name)]
public sealed class CommandTests
{
    private static (int exitCode, string output, string error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = RunCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string FolderWith(params string[] fixtures)
    {
        // The folder sits next to Fixtures so that the notebooks' #r "../CourseKit.dll" still resolves.
        var dir = Path.Combine(AppContext.BaseDirectory, "set-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        foreach (var name in fixtures) File.Copy(TestFiles.Fixture(name), Path.Combine(dir, name + ".ipynb"));
        return dir;
    }

    [Fact]
    public void Running_a_folder_writes_valid_nbformat_4_5_notebooks_pages_and_an_index()
    {
        var folder = FolderWith("display", "failing", "parameters", "passing");
        var outDir = TestFiles.Scratch("out");

        var (code, output, error) = Run(folder, "--out", outDir, "--seed", "3", "--device", "cpu");

        Assert.Equal(1, code);
        Assert.Equal("notebook failing, cell 3: InvalidOperationException: boom", error.Trim());
        Assert.Contains("[1/4] display.ipynb", output);
        Assert.Contains("  cell 3/4 FAILED", output);
        Assert.Contains("3 of 4 notebooks ok", output);
        foreach (var name in new[] { "display", "failing", "parameters", "passing" })
        {
            var (exit, messages) = NbformatValidator.Validate(Path.Combine(outDir, name + ".ipynb"));
            Assert.True(exit == 0, $"{name}.ipynb is not valid nbformat: {messages}");
            Assert.True(File.Exists(Path.Combine(outDir, name + ".html")));
        }
        var index = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("<a href=\"failing.html\">failing</a></td><td><span class=\"failed\">failed</span> cell 3: InvalidOperationException: boom", index);
        Assert.Contains("<a href=\"passing.html\">passing</a></td><td><span class=\"ok\">ok</span>", index);
    }

    [Fact]
    public void Executed_notebooks_carry_the_polyglot_metadata()
    {
        var outDir = TestFiles.Scratch("meta");

        var (code, _, _) = Run(TestFiles.Fixture("parameters"), "--out", outDir, "--full");

        Assert.Equal(0, code);
        var json = File.ReadAllText(Path.Combine(outDir, "parameters.ipynb"));
        Assert.Contains("\"name\": \".net-csharp\"", json);
        Assert.Contains("\"nbformat_minor\": 5", json);
        Assert.Contains("\"kernelName\": \"csharp\"", json);
        Assert.Contains("\"Quick=False Seed=1 Device=cpu\\n\"", json);
    }

    [Theory]
    [InlineData("--seed", "x", "--out", "o")]
    [InlineData("--device", "tpu", "--out", "o")]
    [InlineData("--cell-timeout", "0", "--out", "o")]
    [InlineData("--bogus", "--out", "o")]
    [InlineData("missing-folder", "--out", "o")]
    public void Usage_errors_exit_with_2_and_say_what_is_wrong(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.StartsWith("coursekit-notebooks: ", error);
        Assert.Contains("usage: coursekit-notebooks run", error);
    }

    [Fact]
    public void Cuda_on_a_machine_without_it_stops_with_one_line()
    {
        if (torch.cuda.is_available()) return; // a CUDA machine runs the notebooks on the GPU instead

        var (code, output, error) = Run(TestFiles.Fixture("parameters"), "--out", TestFiles.Scratch("cuda"), "--device", "cuda");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("coursekit-notebooks: --device cuda: CUDA is not available: this CourseKit bridge was built against a CPU-only libtorch",
            Assert.Single(error.Trim().Split('\n')));
    }

    [Fact]
    public void Out_is_required()
    {
        var (code, _, error) = Run(TestFiles.Fixture("passing"));

        Assert.Equal(2, code);
        Assert.Contains("--out DIR is required", error);
    }

    [Fact]
    public async Task The_command_stops_an_endless_cell_and_exits_non_zero()
    {
        var outDir = TestFiles.Scratch("endless");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "coursekit-notebooks.dll"), "run", TestFiles.Fixture("infinite_loop"),
                "--out", outDir, "--cell-timeout", "2",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(limit.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.InRange(watch.Elapsed.TotalSeconds, 2, 90);
        var error = await stderr;
        Assert.Contains("notebook infinite_loop, cell 2: CellTimeout: cell 2 exceeded the timeout of 2 s", error);
        Assert.Contains("cell 2/3 FAILED", await stdout);
        var (exit, messages) = NbformatValidator.Validate(Path.Combine(outDir, "infinite_loop.ipynb"));
        Assert.True(exit == 0, messages);
        Assert.Contains("exceeded the timeout of 2 s", File.ReadAllText(Path.Combine(outDir, "infinite_loop.ipynb")));
    }
}
