namespace CourseKit.Display;

/// <summary>
/// Showing values from library code and notebooks, whichever host runs them. Notebook cells call
/// plain <c>display(value)</c>, the kernel's own. Library code (progress bars, training helpers)
/// calls <see cref="display"/> directly, which goes
/// <list type="bullet">
/// <item>to the host installed with <see cref="UseHost"/>, when there is one (tests, other front ends);</item>
/// <item>inside a .NET Interactive kernel command: to the kernel (found by reflection, see <see cref="KernelHost"/>);</item>
/// <item>anywhere else: the <c>text/plain</c> representation is printed to the console.</item>
/// </list>
/// </summary>
public static class Notebook
{
    private static readonly AsyncLocal<IDisplayHost?> Installed = new();

    /// <summary>The host that receives displays on this thread and the tasks it starts.</summary>
    public static IDisplayHost Host => Installed.Value ?? KernelHost.TryFind() ?? (IDisplayHost)ConsoleHost.Instance;

    /// <summary>
    /// Shows <paramref name="value"/> (restricted to <paramref name="mimeTypes"/> when given) and
    /// returns a handle whose <see cref="DisplayHandle.Update"/> replaces it. Same name and
    /// parameters as the kernel's <c>display</c>.
    /// </summary>
    public static DisplayHandle display(object? value, params string[] mimeTypes) => Host.Display(value, mimeTypes);

    /// <summary>
    /// Signalled when the running cell should stop (the kernel's interrupt, which the runner also
    /// sends at its per-cell timeout). Long loops check it: <c>Notebook.Cancellation.ThrowIfCancellationRequested()</c>;
    /// <see cref="ProgressBar.Update"/> does so on every step.
    /// </summary>
    public static CancellationToken Cancellation => Host.Cancellation;

    /// <summary>Makes <paramref name="host"/> current for this thread and the tasks it starts, until the result is disposed.</summary>
    public static IDisposable UseHost(IDisplayHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var previous = Installed.Value;
        Installed.Value = host;
        return new Restore(previous);
    }

    private sealed class Restore(IDisplayHost? previous) : IDisposable
    {
        public void Dispose() => Installed.Value = previous;
    }
}
