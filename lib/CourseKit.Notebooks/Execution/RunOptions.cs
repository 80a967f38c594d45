namespace CourseKit.Notebooks.Execution;

/// <summary>How notebooks are run: the injected parameters, the per-cell timeout, where progress goes.</summary>
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

    /// <summary>How long a timed-out cell gets to honour the cancellation request before it is abandoned.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Receives one line per cell (number, outcome, seconds); null for silence.</summary>
    public TextWriter? Log { get; init; }
}
