using System.Net;

namespace CourseKit.Charts;

/// <summary>
/// HTML for a chart. The snippet is a <c>div</c> holding the static PNG (so a stored notebook shows
/// the chart on GitHub, nbviewer and offline) and a script that, where plotly.js is available (a
/// global <c>Plotly</c>, a RequireJS module "plotly", or a given script URL), replaces the image by
/// the interactive chart. The standalone page embeds plotly.js when a copy of <c>plotly.min.js</c>
/// (npm package <c>plotly.js-dist-min</c>) is found, and otherwise shows the static image.
/// </summary>
internal static class ChartHtml
{
    /// <summary>The environment variable naming a local plotly.min.js for standalone pages.</summary>
    public const string PlotlyEnvironmentVariable = "COURSEKIT_PLOTLY_JS";

    public static string Snippet(Chart chart, string? plotlyUrl)
    {
        var id = "coursekit-chart-" + Guid.NewGuid().ToString("N")[..12];
        var png = chart.ToImage(pixelRatio: 2);
        var img = $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png.ToPng())}\" width=\"{chart.Width}\" height=\"{chart.Height}\" alt=\"{WebUtility.HtmlEncode(chart.Title ?? "chart")}\"/>";
        var loader = plotlyUrl is null ? "null" : System.Text.Json.JsonSerializer.Serialize(plotlyUrl);
        return $$"""
            <div id="{{id}}" class="coursekit-chart" style="width:{{chart.Width}}px;height:{{chart.Height}}px">{{img}}</div>
            <script type="text/javascript">
            (function () {
              var el = document.getElementById("{{id}}");
              var fig = {{chart.ToPlotlyJson()}};
              function draw(P) { if (!P || !el) return; el.innerHTML = ""; P.newPlot(el, fig.data, fig.layout, {displaylogo: false}); }
              if (window.Plotly) { draw(window.Plotly); return; }
              var url = {{loader}};
              if (url) { var s = document.createElement("script"); s.src = url; s.onload = function () { draw(window.Plotly); }; document.head.appendChild(s); return; }
              if (typeof window.require === "function" && window.require.specified && window.require.specified("plotly")) {
                window.require(["plotly"], draw, function () {});
              }
            })();
            </script>
            """;
    }

    public static string Page(Chart chart, string? plotlyJsPath)
    {
        var path = plotlyJsPath ?? FindPlotly();
        var title = WebUtility.HtmlEncode(chart.Title ?? "chart");
        var script = path is null
            ? "<!-- plotly.min.js not found: static image only. Set COURSEKIT_PLOTLY_JS or put plotly.min.js next to the page (npm install plotly.js-dist-min). -->"
            : $"<script type=\"text/javascript\">{File.ReadAllText(path).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}</script>";
        return $"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n{script}\n</head>\n<body>\n{Snippet(chart, null)}\n</body>\n</html>\n";
    }

    /// <summary>
    /// A local plotly.min.js: $COURSEKIT_PLOTLY_JS, then plotly.min.js or
    /// node_modules/plotly.js-dist-min/plotly.min.js in the current folder or any folder above it.
    /// </summary>
    public static string? FindPlotly()
    {
        if (Environment.GetEnvironmentVariable(PlotlyEnvironmentVariable) is { Length: > 0 } env && File.Exists(env)) return env;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            foreach (var candidate in new[] { "plotly.min.js", Path.Combine("node_modules", "plotly.js-dist-min", "plotly.min.js") })
                if (File.Exists(Path.Combine(dir.FullName, candidate))) return Path.Combine(dir.FullName, candidate);
        return null;
    }
}
