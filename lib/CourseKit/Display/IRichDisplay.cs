namespace CourseKit.Display;

/// <summary>
/// A CourseKit value that knows how a notebook should show it (tensor summary, image, grid,
/// chart, progress, check result). Implementers also carry
/// <c>[TypeFormatterSource(typeof(RichDisplayFormatterSource), PreferredMimeTypes = ...)]</c> so
/// that a .NET Interactive kernel finds the same rendering (a formatter for every MIME type they
/// prefer, or the kernel dies: see <see cref="RichDisplayFormatterSource"/>); other hosts call
/// <see cref="ToDisplay"/> directly.
/// </summary>
public interface IRichDisplay
{
    /// <summary>The MIME bundle for the value as it is now (a snapshot).</summary>
    DisplayOutput ToDisplay();
}
