using CourseKit.Charts;

namespace CourseKit.Notebooks.Html;

/// <summary>
/// The scripts a notebook page embeds, inline, so that it works offline and on its own: MathJax 3
/// (tex-svg, typesets $...$ and $$...$$) when the page has formulas, and plotly.js when it has
/// charts, both the kit's copies from npm (<see cref="WebAssets"/>). Without them the page still
/// reads: formulas stay as written, charts show their static PNG.
/// </summary>
internal static class PageScripts
{
    private const string MathJaxConfig = """
        <script>window.MathJax = { tex: { inlineMath: [['$', '$'], ['\\(', '\\)']], displayMath: [['$$', '$$'], ['\\[', '\\]']], processEscapes: true }, svg: { fontCache: 'global' } };</script>
        """;

    /// <summary>Draws every <c>div.plotly-figure</c> from the JSON in the <c>script</c> element that follows it, then removes its static image.</summary>
    private const string DrawFigures = """
        <script>
        document.querySelectorAll("div.plotly-figure").forEach(function (el) {
          if (!window.Plotly) return;
          var fig = JSON.parse(el.nextElementSibling.textContent);
          var target = document.createElement("div");
          el.appendChild(target);
          // The static image stays until the interactive chart is drawn (plotly.js draws asynchronously).
          Plotly.newPlot(target, fig.data, fig.layout, { displaylogo: false, responsive: false }).then(function () {
            var img = el.querySelector("img");
            if (img) img.remove();
          });
        });
        </script>
        """;

    /// <summary>The MathJax configuration and script for the page head; empty when the page has no formulas or MathJax is not installed.</summary>
    public static string Head(bool math) =>
        math && WebAssets.MathJaxJs is { } mathJax ? MathJaxConfig + "\n" + Inline(mathJax) : "";

    /// <summary>plotly.js and the drawing script for the end of the body; empty when the page has no figures or plotly.js is not installed.</summary>
    public static string Tail(bool figures) =>
        figures && WebAssets.PlotlyJs is { } plotly ? Inline(plotly) + DrawFigures + "\n" : "";

    private static string Inline(string path) =>
        "<script>" + File.ReadAllText(path).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>\n";
}
