using System.Text.Json.Nodes;
using K = CourseKit.Notebooks.Format.ExerciseMarkers.Kind;

namespace CourseKit.Notebooks.Format;

/// <summary>
/// Makes the student version of a notebook that ships with its solutions:
/// <list type="bullet">
/// <item>in every code cell, each region from a line containing <c>// BEGIN SOLUTION</c> to a line
/// containing <c>// END SOLUTION</c> (both lines included, with any code on them) becomes
/// <c>// YOUR CODE HERE</c> and <c>throw new NotImplementedException();</c>, indented as the BEGIN line;</item>
/// <item>each region from <c>// BEGIN HIDDEN TESTS</c> to <c>// END HIDDEN TESTS</c> is removed, lines and all;</item>
/// <item>cells tagged <c>solution</c> (any kind) are removed;</item>
/// <item>every output, execution count and attachment is cleared; cell metadata keeps only the
/// language, the nbgrader fields (without instructor-only ones) and the tags other than <c>solution</c>;
/// locked cells become read-only in Jupyter (<c>editable</c>, <c>deletable</c> false); the notebook's
/// own <c>coursekit</c> metadata (grading settings) is dropped.</item>
/// </list>
/// Markers are parsed strictly (<see cref="ExerciseMarkers"/>): a near miss, a marker in a markdown or
/// raw cell, or markers that do not pair up stop the strip with an error naming the notebook, cell and line.
/// Solution regions belong inside method, local function or lambda bodies, and should run to the end
/// of the body. There the <c>throw</c> keeps the code compiling and the exercise's check turns the
/// <see cref="NotImplementedException"/> into "not implemented yet".
/// </summary>
public static class SolutionStripper
{
    public const string BeginMarker = ExerciseMarkers.BeginSolution;
    public const string EndMarker = ExerciseMarkers.EndSolution;
    public const string Placeholder = "// YOUR CODE HERE";
    public const string Throw = "throw new NotImplementedException();";

    /// <summary>The tag of cells left out of the student version.</summary>
    public const string SolutionTag = "solution";

    /// <summary>Cell metadata that the student version keeps (everything else may be the instructor's).</summary>
    private static readonly string[] KeptMetadata = ["dotnet_interactive", "polyglot_notebook", "tags", ExerciseCell.Key];

    /// <summary>The student version of a notebook and what was taken out.</summary>
    /// <param name="Student">The notebook to hand out: no solutions, no hidden tests, no outputs.</param>
    /// <param name="Regions">How many solution regions were replaced.</param>
    /// <param name="SolutionCells">How many cells tagged <see cref="SolutionTag"/> were removed.</param>
    /// <param name="HiddenRegions">How many hidden-test regions were removed.</param>
    /// <param name="Removed">The text that was taken out (solution regions, hidden tests, solution cells), for leak checks.</param>
    public sealed record Result(NotebookDocument Student, int Regions, int SolutionCells, int HiddenRegions = 0, IReadOnlyList<string>? Removed = null);

    /// <summary>One cell's code after stripping: the new code, the regions replaced and removed, and the removed text.</summary>
    public sealed record CellStrip(string Source, int Regions, int HiddenRegions, IReadOnlyList<string> Removed);

    /// <summary>
    /// The student version of <paramref name="notebook"/> (a new document; the input is not changed).
    /// Throws <see cref="InvalidDataException"/> naming the notebook, the cell (its position, counting
    /// from 1 over all cells, as the runner does) and the line when a marker is malformed or unpaired.
    /// </summary>
    public static Result Strip(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var cells = new List<NotebookCell>();
        var removed = new List<string>();
        var (regions, hidden, solutionCells) = (0, 0, 0);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            var where = $"notebook {notebook.Name}, cell {i + 1}";
            if (cell.Tags.Contains(SolutionTag))
            {
                solutionCells++;
                removed.Add(cell.Source);
                continue;
            }
            var source = cell.Source;
            if (cell.Kind == CellKind.Code)
            {
                var strip = StripCell(source, where);
                (source, regions, hidden) = (strip.Source, regions + strip.Regions, hidden + strip.HiddenRegions);
                removed.AddRange(strip.Removed);
            }
            else
            {
                var lines = TextLines.Split(source);
                for (var k = 0; k < lines.Count; k++) ExerciseMarkers.RefuseInText(lines[k], $"{where}: line {k + 1}");
            }
            cells.Add(new NotebookCell(cell.Kind, cell.Id, source, StudentMetadata(cell)));
        }
        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        metadata.Remove(ExerciseCell.CourseKitKey);
        var student = new NotebookDocument(cells, metadata) { Name = notebook.Name };
        return new Result(student, regions, solutionCells, hidden, removed);
    }

    /// <summary>The metadata a cell keeps in the student version.</summary>
    private static JsonObject StudentMetadata(NotebookCell cell)
    {
        var metadata = new JsonObject();
        foreach (var key in KeptMetadata)
            if (cell.Metadata[key] is { } value) metadata[key] = value.DeepClone();
        if (metadata["tags"] is JsonArray tags)
        {
            var kept = tags.Where(t => t?.GetValue<string>() != SolutionTag).Select(t => t?.DeepClone()).ToArray();
            if (kept.Length == 0) metadata.Remove("tags");
            else metadata["tags"] = new JsonArray(kept);
        }
        if (ExerciseCell.Read(cell).Locked)
        {
            metadata["editable"] = false;
            metadata["deletable"] = false;
        }
        return metadata;
    }

    /// <summary>Replaces the solution regions of one cell's code (kept for callers that need only the code and the count).</summary>
    public static (string Source, int Regions) StripSource(string source, string where)
    {
        var strip = StripCell(source, where);
        return (strip.Source, strip.Regions);
    }

    /// <summary>
    /// Replaces the solution regions of one cell's code and removes its hidden-test regions.
    /// <paramref name="where"/> starts the message of a marker error, e.g. "notebook vae, cell 7".
    /// </summary>
    public static CellStrip StripCell(string source, string where)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = TextLines.Split(source);
        var output = new System.Text.StringBuilder();
        var removed = new List<string>();
        var (regions, hidden) = (0, 0);
        (K Kind, int Line)? open = null;
        for (var k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            var here = $"{where}: line {k + 1}";
            var markers = ExerciseMarkers.OnCodeLine(line, here);
            if (markers.Count == 0)
            {
                if (open is null) output.Append(line);
                else removed.Add(line);
                continue;
            }
            if (markers.Count > 2 || (markers.Count == 2 && !Pairs(markers[0].Kind, markers[1].Kind)))
                throw new InvalidDataException($"{here}: only a BEGIN and its END may share a line");
            var first = markers[0];
            if (first.Kind is K.BeginSolution or K.BeginHiddenTests)
            {
                if (open is { } o)
                    throw new InvalidDataException($"{here}: `{Text(first.Kind)}` inside the {(o.Kind == K.BeginSolution ? "solution" : "hidden-test")} region opened on line {o.Line + 1}; close it with `{Text(Closing(o.Kind))}` first");
                var indent = line[..(line.Length - line.TrimStart(' ', '\t').Length)];
                removed.Add(line);
                if (first.Kind == K.BeginSolution)
                {
                    var newline = line.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                    output.Append(indent).Append(Placeholder).Append(newline).Append(indent).Append(Throw);
                    regions++;
                }
                else hidden++;
                if (markers.Count == 2)
                {
                    if (first.Kind == K.BeginSolution) output.Append(LineEnding(line));     // a one-line region
                }
                else open = (first.Kind, k);
                continue;
            }
            if (open is not { } opened)
                throw new InvalidDataException($"{here}: `{Text(first.Kind)}` without a `{Text(Opening(first.Kind))}` before it");
            if (Closing(opened.Kind) != first.Kind)
                throw new InvalidDataException($"{here}: `{Text(first.Kind)}` closes the region opened on line {opened.Line + 1} by `{Text(opened.Kind)}`");
            removed.Add(line);
            if (opened.Kind == K.BeginSolution) output.Append(LineEnding(line));
            open = null;
        }
        if (open is { } unclosed)
            throw new InvalidDataException($"{where}: line {unclosed.Line + 1}: `{Text(unclosed.Kind)}` has no `{Text(Closing(unclosed.Kind))}` after it in the cell");
        return new CellStrip(output.ToString(), regions, hidden, removed);
    }

    private static bool Pairs(K begin, K end) => Closing(begin) == end;

    private static K Closing(K kind) => kind == K.BeginSolution ? K.EndSolution : kind == K.BeginHiddenTests ? K.EndHiddenTests : K.None;

    private static K Opening(K kind) => kind == K.EndSolution ? K.BeginSolution : K.BeginHiddenTests;

    private static string Text(K kind) => kind switch
    {
        K.BeginSolution => ExerciseMarkers.BeginSolution,
        K.EndSolution => ExerciseMarkers.EndSolution,
        K.BeginHiddenTests => ExerciseMarkers.BeginHiddenTests,
        _ => ExerciseMarkers.EndHiddenTests,
    };

    private static string LineEnding(string line) =>
        line.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : line.EndsWith('\n') ? "\n" : "";
}
