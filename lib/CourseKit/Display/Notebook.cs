namespace CourseKit.Display;

/// <summary>
/// Showing values from library code and notebooks, whichever host runs them. Notebook cells call
/// plain <c>display(value)</c>: the .NET Interactive kernel provides its own <c>display</c>, and
/// CourseKit's runner provides one that comes here. Library code (progress bars, training helpers)
/// calls <see cref="display"/> directly.
/// <list type="bullet">
/// <item>inside CourseKit's runner: the runner's host records a <c>display_data</c> output;</item>
/// <item>inside a .NET Interactive kernel command: the kernel's <c>display</c> (found by reflection);</item>
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
    /// Signalled when the running cell should stop (the runner's per-cell timeout, the kernel's
    /// interrupt). Long loops check it: <c>Notebook.Cancellation.ThrowIfCancellationRequested()</c>;
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
