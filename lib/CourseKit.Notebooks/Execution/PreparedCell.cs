namespace CourseKit.Notebooks.Execution;

/// <summary>
/// A code cell made ready for Roslyn: magics removed, <c>#r</c>/<c>#load</c> paths made absolute.
/// <see cref="Code"/> has as many lines as the cell, so compiler and stack-trace line numbers
/// are the cell's own.
/// </summary>
public sealed record PreparedCell(string Code, IReadOnlyList<string> Warnings)
{
    /// <summary>Why the cell is not run (another language), or null.</summary>
    public string? SkipReason { get; init; }

    /// <summary>A problem that fails the cell before it runs (unsupported <c>#r "nuget:"</c>), or null.</summary>
    public string? Error { get; init; }

    /// <summary>True when the cell asked for <c>#!time</c>.</summary>
    public bool Timed { get; init; }
}
