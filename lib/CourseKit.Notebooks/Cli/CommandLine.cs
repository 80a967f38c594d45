using System.Globalization;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Cli;

/// <summary>The parsed arguments of <c>coursekit-notebooks run</c>.</summary>
public sealed record CommandLine(IReadOnlyList<string> Paths, string OutputDirectory, RunOptions Options)
{
    public const string Usage = """
        usage: coursekit-notebooks run [NOTEBOOK.ipynb | FOLDER]... --out DIR [--quick | --full] [--seed N] [--device cpu|cuda] [--cell-timeout SECONDS] [--memory-limit GB]

        Runs each notebook top to bottom in a kernel process of its own (a folder: its *.ipynb files in
        name order; default: notebooks), writes DIR/NAME.ipynb (executed, nbformat 4.5), DIR/NAME.html
        and DIR/index.html.
          --quick / --full      the notebook setting, injected as `bool Quick` (default --quick)
          --seed N              injected as `int Seed`
          --device cpu|cuda     injected as `string Device`
          --cell-timeout S      interrupt a cell after S seconds (default 300)
          --memory-limit GB     stop a notebook's kernel when it holds more memory (default: 3/4 of the machine's)
        Exits 0 when every cell ran, 1 when a cell or a notebook failed, 2 on a usage error.
        """;

    /// <summary>Parses <paramref name="args"/> (after the word <c>run</c>); throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        string? output = null;
        var options = new RunOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            switch (arg)
            {
                case "--out": output = Value(); break;
                case "--quick": options = options with { Quick = true }; break;
                case "--full": options = options with { Quick = false }; break;
                case "--seed":
                    options = options with { Seed = int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : throw new ArgumentException($"--seed needs an integer, got '{args[i]}'") };
                    break;
                case "--device":
                    var device = Value();
                    options = options with { Device = device is "cpu" or "cuda" || device.StartsWith("cuda:", StringComparison.Ordinal) ? device : throw new ArgumentException($"--device must be cpu, cuda or cuda:N, got '{device}'") };
                    break;
                case "--cell-timeout":
                    options = options with
                    {
                        CellTimeout = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
                            ? TimeSpan.FromSeconds(s)
                            : throw new ArgumentException($"--cell-timeout needs a positive number of seconds, got '{args[i]}'"),
                    };
                    break;
                case "--memory-limit":
                    options = options with
                    {
                        MemoryLimitBytes = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var gb) && gb > 0
                            ? (long)(gb * 1e9)
                            : throw new ArgumentException($"--memory-limit needs a positive number of gigabytes, got '{args[i]}'"),
                    };
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {arg}");
                    paths.Add(arg);
                    break;
            }
        }
        if (output is null) throw new ArgumentException("--out DIR is required");
        if (paths.Count == 0) paths.Add("notebooks");
        return new CommandLine(paths, output, options);
    }

    /// <summary>The notebooks named by <see cref="Paths"/>: files as given, folders' *.ipynb in name order.</summary>
    public IReadOnlyList<string> Notebooks()
    {
        var found = new List<string>();
        foreach (var path in Paths)
        {
            if (Directory.Exists(path))
                found.AddRange(Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                found.Add(path);
            else
                throw new ArgumentException($"no notebook or folder at '{path}'");
        }
        if (found.Count == 0) throw new ArgumentException($"no .ipynb files in {string.Join(", ", Paths)}");
        return found.Select(Path.GetFullPath).ToArray();
    }
}
