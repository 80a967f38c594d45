using System.Globalization;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Format;
using CourseKit.Notebooks.Html;

namespace CourseKit.Notebooks.Cli;

/// <summary><c>coursekit-notebooks run</c>: runs the notebooks, writes the executed notebooks, their pages and the index.</summary>
public static class RunCommand
{
    /// <summary>Runs the command; returns the exit code (0 ok, 1 a cell failed, 2 usage error).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine command;
        IReadOnlyList<string> notebooks;
        try
        {
            command = CommandLine.Parse(args);
            notebooks = command.Notebooks();
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"coursekit-notebooks: {e.Message}");
            error.WriteLine(CommandLine.Usage);
            return 2;
        }

        // The library's own device check, the one every notebook makes first: one line saying why not.
        if (command.Options.Device is { } device)
        {
            try { torch.InitializeDevice(device); }
            catch (InvalidOperationException e)
            {
                error.WriteLine($"coursekit-notebooks: --device {device}: {e.Message}");
                return 2;
            }
        }

        var outDir = Path.GetFullPath(command.OutputDirectory);
        Directory.CreateDirectory(outDir);
        var options = command.Options with { Log = output };
        var runs = new List<NotebookRun>();
        for (var k = 0; k < notebooks.Count; k++)
        {
            output.WriteLine($"[{k + 1}/{notebooks.Count}] {Path.GetFileName(notebooks[k])}");
            NotebookRun run;
            try { run = NotebookRunner.Run(notebooks[k], options); }
            catch (InvalidDataException e) { run = NotebookRun.Unreadable(notebooks[k], e.Message); }
            runs.Add(run);
            if (run.Executed is { } executed) NotebookWriter.Save(executed, Path.Combine(outDir, run.Name + ".ipynb"));
            File.WriteAllText(Path.Combine(outDir, run.Name + ".html"), NotebookPage.Render(run));
            output.WriteLine($"  {(run.Succeeded ? "ok" : "FAILED")} in {run.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        }
        File.WriteAllText(Path.Combine(outDir, "index.html"), IndexPage.Render(runs, options));

        foreach (var failed in runs.Where(r => !r.Succeeded)) error.WriteLine(failed.FailureMessage);
        output.WriteLine($"{runs.Count(r => r.Succeeded)} of {runs.Count} notebooks ok; results in {outDir}{Path.DirectorySeparatorChar}index.html");
        return runs.All(r => r.Succeeded) ? 0 : 1;
    }
}
