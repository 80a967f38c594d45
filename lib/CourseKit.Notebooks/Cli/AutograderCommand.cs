using System.IO.Compression;
using System.Reflection;
using CourseKit.Notebooks.Grading;

namespace CourseKit.Notebooks.Cli;

/// <summary>
/// <c>coursekit-notebooks autograder</c>: a Gradescope <c>autograder.zip</c> for one assignment. Its layout
/// (unzipped to <c>/autograder/source</c>): <c>setup.sh</c>, <c>run_autograder</c>, <c>notebooks/NAME.ipynb</c>
/// (the instructor notebook), the library where the notebook's <c>#r</c> finds it
/// (<c>lib/CourseKit/bin/Release/net8.0</c>) with the bridge's sources (<c>lib/CourseKit.Native</c>), the grader
/// (<c>grader/</c>: this program and the kernel next to it) and, with <c>--kernel</c>, a precompiled kernel.
/// </summary>
public static class AutograderCommand
{
    public const string Usage = """
        usage: coursekit-notebooks autograder --assignment INSTRUCTOR.ipynb --out autograder.zip [--kernel DIR] [--test-timeout S] [--memory-limit GB]

        Builds a Gradescope autograder.zip: setup.sh installs .NET, libtorch and BLAS on Gradescope's Ubuntu
        image and rebuilds the native bridge; run_autograder grades /autograder/submission into
        /autograder/results/results.json with `grade --one`. The library is taken from ../lib/CourseKit/bin/Release/net8.0
        beside the notebook's folder (build it first); --kernel DIR adds a precompiled kernel (scripts/kernel.sh's folder).
        Exits 0 when the zip was written, 2 on a usage error.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? assignment = null, zip = null, kernel = null;
        var options = new List<string>();
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--assignment": assignment = Value(); break;
                    case "--out": zip = Value(); break;
                    case "--kernel": kernel = Value(); break;
                    case "--test-timeout" or "--memory-limit":
                        var name = args[i];
                        var value = Value();
                        if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) || v <= 0)
                            throw new ArgumentException($"{name} needs a positive number, got '{value}'");
                        options.Add($"{name} {value}");
                        break;
                    default: throw new ArgumentException($"unknown argument {args[i]}");
                }
            }
            if (assignment is null || !File.Exists(assignment)) throw new ArgumentException("--assignment INSTRUCTOR.ipynb is required and must exist");
            if (zip is null) throw new ArgumentException("--out autograder.zip is required");
            if (kernel is not null && !File.Exists(Path.Combine(kernel, "coursekit-kernel.dll"))) throw new ArgumentException($"--kernel {kernel} has no coursekit-kernel.dll");
            try { GradingPlan.Load(assignment); }
            catch (InvalidDataException e) { throw new ArgumentException($"the assignment cannot be graded: {e.Message}"); }
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"coursekit-notebooks: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }

        var notebookDir = Path.GetDirectoryName(Path.GetFullPath(assignment))!;
        var library = Path.GetFullPath(Path.Combine(notebookDir, "..", "lib", "CourseKit", "bin", "Release", "net8.0"));
        var native = Path.GetFullPath(Path.Combine(notebookDir, "..", "lib", "CourseKit.Native"));
        if (!File.Exists(Path.Combine(library, "CourseKit.dll")))
        {
            error.WriteLine($"coursekit-notebooks: the library is not built: {library}/CourseKit.dll is missing (dotnet build lib/CourseKit -c Release)");
            return 2;
        }
        Build(Path.GetFullPath(assignment), library, native, kernel, string.Join(" ", options), Path.GetFullPath(zip));
        output.WriteLine($"autograder: {zip} ({new FileInfo(zip).Length / 1e6:0.0} MB) for {Path.GetFileName(assignment)}");
        return 0;
    }

    private static void Build(string assignment, string library, string native, string? kernel, string options, string zip)
    {
        if (File.Exists(zip)) File.Delete(zip);
        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        var name = Path.GetFileName(assignment);
        AddText(archive, "setup.sh", Script("setup.sh"));
        AddText(archive, "run_autograder", Script("run_autograder").Replace("@NOTEBOOK@", name, StringComparison.Ordinal).Replace(" @OPTIONS@", options.Length > 0 ? " " + options : "", StringComparison.Ordinal));
        archive.CreateEntryFromFile(assignment, "notebooks/" + name, CompressionLevel.Fastest);
        AddFolder(archive, library, "lib/CourseKit/bin/Release/net8.0");
        foreach (var file in new[] { "build.sh", "coursekit.cpp", "coursekit.h" })
            if (File.Exists(Path.Combine(native, file))) archive.CreateEntryFromFile(Path.Combine(native, file), "lib/CourseKit.Native/" + file, CompressionLevel.Fastest);
        AddFolder(archive, AppContext.BaseDirectory, "grader");
        if (kernel is not null) AddFolder(archive, kernel, "kernel");
    }

    private static string Script(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CourseKit.Notebooks.Autograder." + name)
                           ?? throw new InvalidOperationException($"the {name} template is missing from the program");
        return new StreamReader(stream).ReadToEnd();
    }

    private static void AddText(ZipArchive archive, string path, string text)
    {
        var entry = archive.CreateEntry(path, CompressionLevel.Fastest);
        entry.ExternalAttributes = Convert.ToInt32("100755", 8) << 16;    // executable, as Gradescope runs them
        using var writer = new StreamWriter(entry.Open());
        writer.Write(text.ReplaceLineEndings("\n"));
    }

    private static void AddFolder(ZipArchive archive, string folder, string prefix)
    {
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith("scratch/", StringComparison.Ordinal)) continue;
            archive.CreateEntryFromFile(file, prefix + "/" + relative, CompressionLevel.Fastest);
        }
    }
}
