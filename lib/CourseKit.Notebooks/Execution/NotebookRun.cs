using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Execution;

/// <summary>The first failing cell of a run: its 1-based position in the notebook as read (0 for the injected parameters cell), and the error.</summary>
public sealed record CellFailure(int CellNumber, string ErrorName, string Message);

/// <summary>The outcome of running one notebook: the executed document, the failure if any, the time taken.</summary>
public sealed record NotebookRun(string SourcePath, NotebookDocument Executed, CellFailure? Failure, TimeSpan Duration)
{
    public string Name => Executed.Name;

    public bool Succeeded => Failure is null;

    /// <summary>True when a timed-out cell ignored cancellation and its thread is still running.</summary>
    public bool AbandonedThread { get; init; }

    /// <summary>The message the command prints for a failure: <c>notebook NAME, cell INDEX: ErrorType: message</c>.</summary>
    public string? FailureMessage =>
        Failure is { } f
            ? $"notebook {Name}, {(f.CellNumber == 0 ? "injected parameters cell" : $"cell {f.CellNumber}")}: {f.ErrorName}: {f.Message}"
            : null;
}
