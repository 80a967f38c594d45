namespace CourseKit.Notebooks.Html;

/// <summary>
/// Typesets the notebooks' LaTeX ($...$ and $$...$$) in the HTML pages with MathJax 2 where it is
/// installed on this machine (Debian's libjs-mathjax, which the set-up installs). Pages stay
/// offline-readable without it: the LaTeX is then shown as written.
/// </summary>
internal static class MathTypesetting
{
    /// <summary>Where Debian's libjs-mathjax puts MathJax 2.</summary>
    public const string MathJaxPath = "/usr/share/javascript/mathjax/MathJax.js";

    /// <summary>The script tags for the page head, or an empty string when MathJax is not installed.</summary>
    public static string HeadScripts() => File.Exists(MathJaxPath)
        ? "<script type=\"text/x-mathjax-config\">MathJax.Hub.Config({tex2jax: {inlineMath: [['$','$']], displayMath: [['$$','$$']], processEscapes: true}});</script>\n" +
          $"<script src=\"file://{MathJaxPath}?config=TeX-AMS_CHTML\"></script>\n"
        : "";
}
