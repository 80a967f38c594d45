namespace CourseKit.Display;

/// <summary>
/// Progress of a long loop (training, sampling):
/// <code>
/// using (var bar = Progress.Start(total: steps, "training"))
///     for (var step = 1; step &lt;= steps; step++) { ...; bar.Update(step, loss.item&lt;float&gt;()); }
/// </code>
/// (At the top level of a notebook cell, C# script does not accept <c>using var</c> declarations;
/// the block form works there and in methods alike.)
/// In a notebook (a .NET Interactive kernel: CourseKit's Jupyter kernel, which <c>./coursekit run</c>
/// also uses) one output is updated in place and stored in its final state; in a terminal or CI log a compact line is printed at most
/// every <see cref="ProgressBar.DefaultPrintInterval"/> or when another 10 % is done, plus a final line.
/// </summary>
public static class Progress
{
    /// <summary>Starts a progress display for <paramref name="total"/> steps on the current <see cref="Notebook.Host"/>.</summary>
    public static ProgressBar Start(long total, string label = "progress") =>
        new(total, label, Notebook.Host, ProgressBar.StopwatchClock());
}
