using System.Net;

namespace CourseKit.Charts;

/// <summary>
/// HTML for a chart. The snippet is a <c>div</c> holding the static PNG (so a stored notebook shows
/// the chart on GitHub, nbviewer and offline) and a script that, where plotly.js is available (a
/// global <c>Plotly</c>, a RequireJS module "plotly", or a given script URL), replaces the image by
/// the interactive chart. The standalone page embeds the kit's plotly.js (<see cref="WebAssets.PlotlyJs"/>)
/// when it is installed, and otherwise shows the static image.
/// </summary>
internal static class ChartHtml
{
    public static string Snippet(Chart chart, string? plotlyUrl)
    {
        var id = "coursekit-chart-" + Guid.NewGuid().ToString("N")[..12];
        var img = $"<img src=\"data:image/png;base64,{Convert.ToBase64String(chart.ToPng())}\" width=\"{chart.Width}\" height=\"{chart.Height}\" alt=\"{WebUtility.HtmlEncode(chart.Title ?? "chart")}\"/>";
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
        var path = plotlyJsPath ?? WebAssets.PlotlyJs;
        var title = WebUtility.HtmlEncode(chart.Title ?? "chart");
        var script = path is null
            ? "<!-- plotly.min.js not found: static image only. Run scripts/setup.sh (it installs web/node_modules) or set COURSEKIT_PLOTLY_JS. -->"
            : $"<script type=\"text/javascript\">{File.ReadAllText(path).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}</script>";
        return $"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n{script}\n</head>\n<body>\n{Snippet(chart, null)}\n</body>\n</html>\n";
    }
}
