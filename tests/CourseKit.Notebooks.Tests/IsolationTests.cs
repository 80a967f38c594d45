using CourseKit.Notebooks.Cli;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// One notebook cannot take down the run: each runs in its own kernel process, so a stack overflow,
/// <c>Environment.Exit</c>, an unhandled exception on a thread or memory without end ends that
/// notebook only, and malformed files are reported by name.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class IsolationTests
{
    [Fact]
    public void Crashing_and_malformed_notebooks_are_reported_and_the_good_one_and_the_index_are_written()
    {
        // Next to Fixtures, so that the good notebook's #r "../CourseKit.dll" resolves.
        var folder = Path.Combine(AppContext.BaseDirectory, "isolation-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        File.Copy(TestFiles.Fixture("passing"), Path.Combine(folder, "good.ipynb"));
        Write(folder, "stack_overflow", "int Down(int n) => Down(n + 1) + 1;", "Down(0)");
        Write(folder, "exits", "Console.WriteLine(\"leaving\");", "Environment.Exit(3);");
        Write(folder, "thread_crash", "var t = new System.Threading.Thread(() => throw new InvalidOperationException(\"from a thread\"));\nt.Start();\nt.Join();");
        Write(folder, "unbounded", "var hoard = new List<byte[]>();\nwhile (true) { var block = new byte[64 << 20]; Array.Fill(block, (byte)1); hoard.Add(block); }");
        File.WriteAllText(Path.Combine(folder, "bad_json.ipynb"), "{ \"cells\": [ {\"cell_type\": \"code\", ");
        File.WriteAllText(Path.Combine(folder, "wrong_types.ipynb"), "{\"nbformat\": \"four\", \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}");
        var outDir = TestFiles.Scratch("isolation-out");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = RunCommand.Run([folder, "--out", outDir, "--memory-limit", "1.5", "--cell-timeout", "120"], output, error);

        Assert.Equal(1, code);
        var messages = error.ToString();
        Assert.Contains("notebook stack_overflow, cell 2: KernelDied: cell 2: the kernel process died: it was ended by signal 6", messages);
        Assert.Contains("Stack overflow", messages);
        Assert.Contains("notebook exits, cell 2: KernelDied: cell 2: the kernel process died: it exited with code 3", messages);
        Assert.Contains("notebook thread_crash, cell 1: KernelDied: cell 1: the kernel process died", messages);
        Assert.Contains("from a thread", File.ReadAllText(Path.Combine(outDir, "thread_crash.ipynb")));
        Assert.Contains("notebook unbounded, cell 1: KernelDied: cell 1: the kernel process died: it used", messages);
        Assert.Contains("over the limit of 1.5 GB (--memory-limit)", messages);
        Assert.Contains("notebook bad_json: MalformedNotebook: notebook bad_json: not valid JSON", messages);
        Assert.Contains("notebook wrong_types: MalformedNotebook: notebook wrong_types: a value has the wrong type", messages);
        Assert.DoesNotContain("notebook good", messages);
        Assert.Contains("1 of 7 notebooks ok", output.ToString());

        var (exit, problems) = NbformatValidator.Validate(Path.Combine(outDir, "good.ipynb"));
        Assert.True(exit == 0, problems);
        foreach (var crashed in new[] { "stack_overflow", "exits", "thread_crash", "unbounded" })
            Assert.Equal(0, NbformatValidator.Validate(Path.Combine(outDir, crashed + ".ipynb")).exitCode);
        var index = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("<a href=\"good.html\">good</a></td><td><span class=\"ok\">ok</span>", index);
        Assert.Contains("<a href=\"bad_json.html\">bad_json</a></td><td><span class=\"failed\">failed</span> MalformedNotebook", index);
        Assert.Contains("<a href=\"exits.html\">exits</a></td><td><span class=\"failed\">failed</span> cell 2: KernelDied", index);
    }

    private static void Write(string folder, string name, params string[] cells)
    {
        var path = TestFiles.Notebook(name, cells);
        File.Copy(path, Path.Combine(folder, name + ".ipynb"));
    }
}
