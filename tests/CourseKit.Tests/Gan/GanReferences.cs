using System.Text.Json;

namespace CourseKit.Tests.Gan;

/// <summary>The PyTorch 1.13 reference values in gan_references.json (written by make_gan_references.py).</summary>
internal static class GanReferences
{
    private const string RelativePath = "tests/CourseKit.Tests/Gan/gan_references.json";

    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var file = File.OpenRead(Locate());
        return JsonDocument.Parse(file).RootElement.Clone();
    });

    public static JsonElement Get(string section) => Root.Value.GetProperty(section);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{RelativePath} was not found above {AppContext.BaseDirectory}");
    }
}
