namespace CourseKit.Notebooks.Grading;

/// <summary>Limits and parallelism of <c>coursekit grade</c>.</summary>
public sealed record GradeOptions
{
    /// <summary>Wall-time limit of each solution, check and graded test cell without a limit of its own. Default 20 s.</summary>
    public TimeSpan TestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Wall-time limit of each setup cell (loading data). Default 120 s.</summary>
    public TimeSpan SetupTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Resident memory at which a submission's kernel is stopped, during any test. Default 3 GB.</summary>
    public long MemoryLimitBytes { get; init; } = 3_000_000_000;

    /// <summary>Submissions graded at once, each in its own kernel process. Default: the number of cores.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Kernel restarts after which a submission's remaining tests are not run (each costs a start). Default 6.</summary>
    public int MaxRestarts { get; init; } = 6;
}
