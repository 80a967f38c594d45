using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Format;

/// <summary>
/// Makes the student version of a notebook that ships with its solutions:
/// <list type="bullet">
/// <item>in every code cell, each region from a line containing <c>// BEGIN SOLUTION</c> to a line
/// containing <c>// END SOLUTION</c> (both lines included, with any code on them) becomes
/// <c>// YOUR CODE HERE</c> and <c>throw new NotImplementedException();</c>, indented as the BEGIN line;</item>
/// <item>cells tagged <c>solution</c> (any kind) are removed;</item>
/// <item>every output and execution count is cleared.</item>
/// </list>
/// Solution regions belong inside method, local function or lambda bodies, and should run to the end
/// of the body (or cover every statement that uses what they declare). There the <c>throw</c> keeps
/// the code compiling: a method that must return a value may end in a throw, and the exercise's check
/// turns the <see cref="NotImplementedException"/> into "not implemented yet". A region in a cell's
/// top-level statements would throw as soon as the cell runs and stop the notebook there.
/// </summary>
public static class SolutionStripper
{
    public const string BeginMarker = "// BEGIN SOLUTION";
    public const string EndMarker = "// END SOLUTION";
    public const string Placeholder = "// YOUR CODE HERE";
    public const string Throw = "throw new NotImplementedException();";

    /// <summary>The tag of cells left out of the student version.</summary>
    public const string SolutionTag = "solution";

    /// <summary>The student version of a notebook and what was taken out.</summary>
    /// <param name="Student">The notebook to hand out: no solutions, no outputs.</param>
    /// <param name="Regions">How many solution regions were replaced.</param>
    /// <param name="SolutionCells">How many cells tagged <see cref="SolutionTag"/> were removed.</param>
    public sealed record Result(NotebookDocument Student, int Regions, int SolutionCells);

    /// <summary>
    /// The student version of <paramref name="notebook"/> (a new document; the input is not changed).
    /// Throws <see cref="InvalidDataException"/> naming the notebook, the cell (its position, counting
    /// from 1 over all cells, as the runner does) and the line when the markers do not pair up.
    /// </summary>
    public static Result Strip(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var cells = new List<NotebookCell>();
        var (regions, solutionCells) = (0, 0);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Tags.Contains(SolutionTag))
            {
                solutionCells++;
                continue;
            }
            var source = cell.Source;
            if (cell.Kind == CellKind.Code)
            {
                (source, var replaced) = StripSource(source, $"notebook {notebook.Name}, cell {i + 1}");
                regions += replaced;
            }
            cells.Add(new NotebookCell(cell.Kind, cell.Id, source, (JsonObject)cell.Metadata.DeepClone())
            {
                Attachments = (JsonObject?)cell.Attachments?.DeepClone(),
            });
        }
        var student = new NotebookDocument(cells, (JsonObject)notebook.Metadata.DeepClone()) { Name = notebook.Name };
        return new Result(student, regions, solutionCells);
    }

    /// <summary>
    /// Replaces the solution regions of one cell's code; returns the new code and the number of
    /// regions. <paramref name="where"/> starts the message of a marker error, e.g. "notebook vae, cell 7".
    /// </summary>
    public static (string Source, int Regions) StripSource(string source, string where)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = TextLines.Split(source);
        var output = new System.Text.StringBuilder();
        var regions = 0;
        int? openedAt = null;
        for (var k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            var begin = line.IndexOf(BeginMarker, StringComparison.Ordinal);
            var end = line.IndexOf(EndMarker, StringComparison.Ordinal);
            if (begin >= 0)
            {
                if (openedAt is { } open)
                    throw new InvalidDataException($"{where}: line {k + 1}: `{BeginMarker}` inside the solution region opened on line {open + 1}; close it with `{EndMarker}` first");
                if (end >= 0 && end < begin)
                    throw new InvalidDataException($"{where}: line {k + 1}: `{EndMarker}` before `{BeginMarker}` on the same line");
                var indent = line[..(line.Length - line.TrimStart(' ', '\t').Length)];
                var newline = line.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                output.Append(indent).Append(Placeholder).Append(newline).Append(indent).Append(Throw);
                regions++;
                if (end >= 0) output.Append(LineEnding(line));              // a one-line region
                else openedAt = k;
                continue;
            }
            if (end >= 0)
            {
                if (openedAt is null)
                    throw new InvalidDataException($"{where}: line {k + 1}: `{EndMarker}` without a `{BeginMarker}` before it");
                openedAt = null;
                output.Append(LineEnding(line));
                continue;
            }
            if (openedAt is null) output.Append(line);
        }
        if (openedAt is { } unclosed)
            throw new InvalidDataException($"{where}: line {unclosed + 1}: `{BeginMarker}` has no `{EndMarker}` after it in the cell");
        return (output.ToString(), regions);
    }

    private static string LineEnding(string line) =>
        line.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : line.EndsWith('\n') ? "\n" : "";
}
