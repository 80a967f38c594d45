namespace CourseKit.Notebooks.Execution;

/// <summary>How notebooks are run: the injected parameters, limits per cell and per kernel, where progress goes.</summary>
public sealed record RunOptions
{
    /// <summary>The quick setting (small data, few steps), injected as <c>bool Quick</c>. Default true.</summary>
    public bool Quick { get; init; } = true;

    /// <summary>Injected as <c>int Seed</c> when set; otherwise the notebook keeps its own.</summary>
    public int? Seed { get; init; }

    /// <summary>Injected as <c>string Device</c> ("cpu", "cuda") when set; otherwise the notebook keeps its own.</summary>
    public string? Device { get; init; }

    /// <summary>Longest time one cell may run. Default 300 s.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>How long a timed-out cell gets to honour the interrupt before its kernel is shut down.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for a new kernel process to answer. Default 120 s (its first start compiles much code).</summary>
    public TimeSpan KernelStartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Resident memory at which a notebook's kernel is stopped. Default: three quarters of the memory
    /// this process may use, so that one runaway notebook ends itself rather than the machine.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 * 3;

    /// <summary>Receives one line per cell (number, outcome, seconds); null for silence.</summary>
    public TextWriter? Log { get; init; }
}
