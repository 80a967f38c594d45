using CourseKit.Notebooks.Figures;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Cli;

/// <summary><c>coursekit-notebooks figures</c>: checks every figure of executed notebooks and exports them for slides.</summary>
public static class FiguresCommand
{
    public const string Usage = """
        usage: coursekit-notebooks figures EXECUTED.ipynb... [--out DIR]

        Checks every figure an executed notebook shows (./coursekit run writes them to out/): each static
        PNG is not blank, and each chart, drawn by plotly.js in headless Chromium, shows data, its title and
        its axis labels. With --out, writes each figure to DIR/NOTEBOOK/cellNN-K-title.png, and each chart
        also as .svg (plotly.js's own vector drawing), for slides.
        Exits 0 when every figure passes, 1 when one does not or a notebook has no outputs, 2 on a usage error.
        """;

    /// <summary>Runs the command on <paramref name="args"/> (after the word <c>figures</c>); returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var notebooks = new List<string>();
        string? outDir = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Count) outDir = args[++i];
            else if (args[i].StartsWith("--", StringComparison.Ordinal) || !args[i].EndsWith(".ipynb", StringComparison.Ordinal))
            {
                error.WriteLine($"coursekit-notebooks: figures: unexpected argument {args[i]}");
                error.WriteLine(Usage);
                return 2;
            }
            else notebooks.Add(args[i]);
        }
        if (notebooks.Count == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var failed = false;
        foreach (var path in notebooks)
        {
            try
            {
                failed |= !CheckNotebook(path, outDir, output, error);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or TimeoutException)
            {
                error.WriteLine($"coursekit-notebooks: figures: {path}: {e.Message}");
                failed = true;
            }
        }
        return failed ? 1 : 0;
    }

    private static bool CheckNotebook(string path, string? outDir, TextWriter output, TextWriter error)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        JsonObject notebook;
        try { notebook = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException("the top level is not a JSON object"); }
        catch (JsonException e) { throw new InvalidDataException($"not valid JSON ({e.Message})", e); }
        if (!NotebookFigure.HasOutputs(notebook))
        {
            error.WriteLine($"coursekit-notebooks: figures: {path} has no outputs; run it first (./coursekit run --out out {path})");
            return false;
        }
        var figures = NotebookFigure.In(notebook);
        var charts = figures.Where(f => f.PlotlyJson is not null).ToList();
        var drawn = PlotlySvg.Render(charts.Select(f => f.PlotlyJson!).ToList());
        var svgOf = charts.Zip(drawn).ToDictionary(p => p.First, p => p.Second);
        var folder = outDir is null ? null : Directory.CreateDirectory(Path.Combine(outDir, name)).FullName;
        var bad = 0;
        foreach (var figure in figures)
        {
            var (svg, drawError) = svgOf.GetValueOrDefault(figure);
            foreach (var problem in FigureCheck.Problems(figure, svg, drawError))
            {
                error.WriteLine($"notebook {name}, cell {figure.Cell}, figure {figure.Index}{(figure.Title is { } t ? $" (\"{t}\")" : "")}: {problem}");
                bad++;
            }
            if (folder is null) continue;
            if (figure.Png is not null) File.WriteAllBytes(Path.Combine(folder, figure.FileStem + ".png"), figure.Png);
            if (svg is not null) File.WriteAllText(Path.Combine(folder, figure.FileStem + ".svg"), svg);
        }
        output.WriteLine($"{name}: {figures.Count} figures ({charts.Count} charts, {figures.Count - charts.Count} images), " +
                         (bad == 0 ? "all pass" : $"{bad} problem(s)") + (folder is null ? "" : $" -> {folder}"));
        return bad == 0;
    }
}
