namespace CourseKit.Display;

/// <summary>
/// Where <see cref="Notebook.display"/> sends values: a .NET Interactive kernel, the console, or a
/// host installed with <see cref="Notebook.UseHost"/>.
/// </summary>
public interface IDisplayHost
{
    /// <summary>Shows <paramref name="value"/> as a new output, restricted to <paramref name="mimeTypes"/> when any are given.</summary>
    DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes);

    /// <summary>True when <see cref="DisplayHandle.Update"/> replaces the shown output; false when it prints again.</summary>
    bool UpdatesInPlace { get; }

    /// <summary>Signalled when the code running in the host should stop (cell timeout, interrupt).</summary>
    CancellationToken Cancellation { get; }
}
