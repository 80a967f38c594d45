using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Kernel.Server;

namespace CourseKit.Kernel;

/// <summary>
/// The kernelspec that makes Jupyter front ends (VS Code's Jupyter extension, JupyterLab, nbclient)
/// start this kernel: a folder <c>kernels/.net-csharp/</c> with <c>kernel.json</c>. The name is the one
/// the course notebooks carry in their metadata (the name .NET Interactive used), so they open unchanged.
/// </summary>
internal static class KernelSpec
{
    public const string Name = ".net-csharp";
    public const string DisplayName = ".NET (C#)";

    /// <summary>Where Jupyter looks for a user's kernels: <c>$JUPYTER_DATA_DIR/kernels</c>, else the platform's data folder.</summary>
    public static string UserKernelsDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data) return Path.Combine(data, "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter", "kernels");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".local", "share");
        return Path.Combine(xdg, "jupyter", "kernels");
    }

    /// <summary>Writes the kernelspec under <paramref name="kernelsDirectory"/>; returns its folder.</summary>
    public static string Install(string kernelsDirectory)
    {
        var folder = Path.Combine(kernelsDirectory, Name);
        Directory.CreateDirectory(folder);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(CommandLine().Append("{connection_file}").Select(a => (JsonNode?)a).ToArray()),
            ["display_name"] = DisplayName,
            ["language"] = KernelInfo.LanguageName,
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        File.WriteAllText(Path.Combine(folder, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return folder;
    }

    /// <summary>How to start this program again: <c>dotnet coursekit-kernel.dll</c>, or the app host when it was started through one.</summary>
    private static IEnumerable<string> CommandLine()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        var assembly = typeof(KernelSpec).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, assembly] : [process];
    }
}
