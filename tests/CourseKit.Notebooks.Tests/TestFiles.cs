using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Tests;

/// <summary>Fixture paths, scratch folders, and small notebooks written on the fly.</summary>
internal static class TestFiles
{
    public static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Fixture(string name) => Path.Combine(FixtureDirectory, name + ".ipynb");

    /// <summary>A fresh empty folder under the test output folder (kept after the run for inspection).</summary>
    public static string Scratch(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "scratch", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes a notebook of C# cells (one string each) into the fixture folder's sibling scratch folder.</summary>
    public static string Notebook(string name, params string[] codeCells)
    {
        var dir = Scratch(name);
        var cells = codeCells.Select((code, i) => new NotebookCell(CellKind.Code, $"c{i + 1}", code, new())).ToList();
        var path = Path.Combine(dir, name + ".ipynb");
        NotebookWriter.Save(new NotebookDocument(cells, new()) { Name = name }, path);
        return path;
    }
}
