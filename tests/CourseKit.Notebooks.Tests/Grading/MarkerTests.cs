using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Tests.Grading;

/// <summary>The strict marker parser: exact markers strip, near misses and markers in text cells fail naming notebook, cell and line.</summary>
public sealed class MarkerTests
{
    private static NotebookDocument Notebook(CellKind kind, string source) =>
        new([new NotebookCell(CellKind.Markdown, "intro", "text", new()), new NotebookCell(kind, "c", source, new())], new()) { Name = "hw" };

    [Theory]
    [InlineData("//BEGIN SOLUTION")]
    [InlineData("// begin solution")]
    [InlineData("/* BEGIN SOLUTION */")]
    [InlineData("### BEGIN SOLUTION")]
    [InlineData("// BEGIN_SOLUTION")]
    [InlineData("// BEGIN SOLUTIONS")]
    [InlineData("/// BEGIN SOLUTION")]
    [InlineData("//  BEGIN SOLUTION")]
    [InlineData("// End Hidden Tests")]
    public void NearMissMarkersInCodeAreRefusedNamingTheCellAndLine(string marker)
    {
        var source = $"int F()\n{{\n    {marker}\n    return 42;\n}}";

        var e = Assert.Throws<InvalidDataException>(() => SolutionStripper.Strip(Notebook(CellKind.Code, source)));

        Assert.StartsWith("notebook hw, cell 2: line 3: ", e.Message);
        Assert.Contains("looks like an exercise marker but is not one", e.Message);
    }

    [Theory]
    [InlineData(CellKind.Markdown)]
    [InlineData(CellKind.Raw)]
    public void MarkersInMarkdownAndRawCellsAreRefused(CellKind kind)
    {
        var e = Assert.Throws<InvalidDataException>(() => SolutionStripper.Strip(Notebook(kind, "Intro\n// BEGIN SOLUTION\nthe answer is 42\n// END SOLUTION")));

        Assert.StartsWith("notebook hw, cell 2: line 2: `BEGIN SOLUTION` in a markdown or raw cell", e.Message);
    }

    [Fact]
    public void HiddenTestsAreRemovedWithTheirMarkersAndReportedAsRemoved()
    {
        const string source = "// visible\nAssert(F() == 1);\n// BEGIN HIDDEN TESTS\nAssert(F(7) == 49);\n// END HIDDEN TESTS\nDone();";

        var strip = SolutionStripper.StripCell(source, "t");

        Assert.Equal("// visible\nAssert(F() == 1);\nDone();", strip.Source);
        Assert.Equal((0, 1), (strip.Regions, strip.HiddenRegions));
        Assert.Contains("Assert(F(7) == 49);\n", strip.Removed);
    }

    [Theory]
    [InlineData("// BEGIN SOLUTION\nx\n// END HIDDEN TESTS", "line 3: `// END HIDDEN TESTS` closes the region opened on line 1 by `// BEGIN SOLUTION`")]
    [InlineData("// BEGIN HIDDEN TESTS\nx", "line 1: `// BEGIN HIDDEN TESTS` has no `// END HIDDEN TESTS` after it in the cell")]
    [InlineData("// BEGIN HIDDEN TESTS\n// BEGIN SOLUTION\n// END SOLUTION\n// END HIDDEN TESTS", "line 2: `// BEGIN SOLUTION` inside the hidden-test region opened on line 1")]
    public void MismatchedRegionsAreErrors(string source, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => SolutionStripper.StripCell(source, "notebook hw, cell 4"));

        Assert.StartsWith($"notebook hw, cell 4: {message}", e.Message);
    }

    [Fact]
    public void ReleaseDropsAttachmentsAndInstructorMetadataAndLocksLockedCells()
    {
        var metadata = new System.Text.Json.Nodes.JsonObject
        {
            ["nbgrader"] = new System.Text.Json.Nodes.JsonObject { ["grade"] = true, ["grade_id"] = "t", ["locked"] = true, ["points"] = 1, ["solution"] = false },
            ["coursekit"] = new System.Text.Json.Nodes.JsonObject { ["forbid"] = new System.Text.Json.Nodes.JsonArray("Secret.Reference") },
            ["instructor_note"] = "the answer is 42",
        };
        var cells = new List<NotebookCell>
        {
            new(CellKind.Markdown, "m", "![fig](attachment:a.png)", new()) { Attachments = new() { ["a.png"] = new System.Text.Json.Nodes.JsonObject() } },
            new(CellKind.Code, "t", "Check();", metadata),
        };
        var notebook = new NotebookDocument(cells, new() { ["coursekit"] = new System.Text.Json.Nodes.JsonObject { ["grading"] = new System.Text.Json.Nodes.JsonObject() } }) { Name = "hw" };

        var student = SolutionStripper.Strip(notebook).Student;
        var json = NotebookWriter.ToJson(student);

        Assert.Null(student.Cells[0].Attachments);
        Assert.DoesNotContain("Secret.Reference", json);
        Assert.DoesNotContain("the answer is 42", json);
        Assert.DoesNotContain("\"coursekit\"", json);
        Assert.False(student.Cells[1].Metadata["editable"]!.GetValue<bool>());
        Assert.False(student.Cells[1].Metadata["deletable"]!.GetValue<bool>());
        Assert.Equal("t", student.Cells[1].Metadata["nbgrader"]!["grade_id"]!.GetValue<string>());
    }
}
