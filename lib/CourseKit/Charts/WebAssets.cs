namespace CourseKit.Charts;

/// <summary>
/// The browser scripts the kit ships for offline pages, installed from npm by scripts/setup.sh into
/// <c>web/node_modules</c> (versions pinned in <c>web/package.json</c>): plotly.js (<c>plotly.js-dist-min</c>,
/// the version Plotly.NET 6 targets) for interactive charts, and MathJax 3 (<c>mathjax</c>, the
/// self-contained <c>tex-svg.js</c>) for formulas. Nothing is loaded from a CDN or a system folder.
/// </summary>
public static class WebAssets
{
    /// <summary>The environment variable naming a plotly.min.js to use instead of the kit's.</summary>
    public const string PlotlyEnvironmentVariable = "COURSEKIT_PLOTLY_JS";

    /// <summary>The environment variable naming a MathJax 3 tex-svg.js to use instead of the kit's.</summary>
    public const string MathJaxEnvironmentVariable = "COURSEKIT_MATHJAX_JS";

    /// <summary>plotly.min.js: $COURSEKIT_PLOTLY_JS, else the kit's web/node_modules copy; null when neither exists.</summary>
    public static string? PlotlyJs => Find(PlotlyEnvironmentVariable, Path.Combine("web", "node_modules", "plotly.js-dist-min", "plotly.min.js"));

    /// <summary>MathJax's tex-svg.js: $COURSEKIT_MATHJAX_JS, else the kit's web/node_modules copy; null when neither exists.</summary>
    public static string? MathJaxJs => Find(MathJaxEnvironmentVariable, Path.Combine("web", "node_modules", "mathjax", "es5", "tex-svg.js"));

    /// <summary>The file named by <paramref name="variable"/>, else <paramref name="relative"/> under the first folder above CourseKit.dll or the current folder that holds it.</summary>
    private static string? Find(string variable, string relative)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } env && File.Exists(env)) return env;
        foreach (var start in new[] { Path.GetDirectoryName(typeof(WebAssets).Assembly.Location), Environment.CurrentDirectory })
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        return null;
    }
}
