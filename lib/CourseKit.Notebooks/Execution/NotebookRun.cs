using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// What failed in a run: the cell (its 1-based position in the notebook as read, 0 for the injected
/// parameters cell; null when the notebook as a whole failed: an unreadable file, a kernel that did
/// not start) and the error.
/// </summary>
public sealed record CellFailure(int? CellNumber, string ErrorName, string Message)
{
    /// <summary>Where it failed, for messages: <c>cell 3</c>, <c>injected parameters cell</c> or empty.</summary>
    public string Place => CellNumber is { } n ? PlaceOf(n) : "";

    /// <summary>How messages name the cell at <paramref name="number"/> (0: the injected parameters cell).</summary>
    public static string PlaceOf(int number) => number == 0 ? "injected parameters cell" : $"cell {number}";
}

/// <summary>
/// The outcome of running one notebook: the executed document (null when the file could not be
/// read), the failure if any, the time taken.
/// </summary>
public sealed record NotebookRun(string SourcePath, NotebookDocument? Executed, CellFailure? Failure, TimeSpan Duration)
{
    public string Name => Executed?.Name ?? Path.GetFileNameWithoutExtension(SourcePath);

    public bool Succeeded => Failure is null;

    /// <summary>A notebook file that is not a readable nbformat 4 notebook.</summary>
    public static NotebookRun Unreadable(string path, string message) =>
        new(path, null, new CellFailure(null, "MalformedNotebook", message), TimeSpan.Zero);

    /// <summary>The message the command prints for a failure: <c>notebook NAME, cell INDEX: ErrorType: message</c>.</summary>
    public string? FailureMessage =>
        Failure is { } f ? $"notebook {Name}{(f.Place.Length > 0 ? ", " + f.Place : "")}: {f.ErrorName}: {f.Message}" : null;
}
