using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Charts;

namespace CourseKit.Notebooks.Figures;

/// <summary>
/// Draws plotly.js figures in headless Chromium with the kit's plotly.js (<see cref="WebAssets.PlotlyJs"/>) and
/// returns each as the SVG document plotly.js exports (<c>Plotly.toImage</c>, format svg): the interactive
/// figure's own drawing, vector text and lines, for slides. One browser run serves a whole notebook.
/// </summary>
public static partial class PlotlySvg
{
    /// <summary>One SVG per figure, in order; an entry is the error plotly.js raised when it could not draw that figure.</summary>
    public static IReadOnlyList<(string? Svg, string? Error)> Render(IReadOnlyList<string> plotlyJson)
    {
        if (plotlyJson.Count == 0) return [];
        var plotly = WebAssets.PlotlyJs ?? throw new InvalidOperationException(
            "plotly.js is not installed: scripts/setup.sh installs it into web/node_modules (or set " + WebAssets.PlotlyEnvironmentVariable + ")");
        var folder = Directory.CreateTempSubdirectory("coursekit-figures-");
        try
        {
            var page = Path.Combine(folder.FullName, "figures.html");
            File.WriteAllText(page, Page(File.ReadAllText(plotly), plotlyJson));
            var dom = HeadlessChromium.DumpDom(page, TimeSpan.FromSeconds(30 + 5 * plotlyJson.Count));
            var results = new (string?, string?)[plotlyJson.Count];
            for (var i = 0; i < results.Length; i++)
            {
                var svg = Between(dom, $"<pre id=\"svg-{i}\">");
                var error = Between(dom, $"<pre id=\"error-{i}\">");
                results[i] = (svg, svg is null ? error ?? "plotly.js did not finish drawing the figure" : null);
            }
            return results;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? Between(string dom, string start)
    {
        var from = dom.IndexOf(start, StringComparison.Ordinal);
        if (from < 0) return null;
        from += start.Length;
        var to = dom.IndexOf("</pre>", from, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(dom[from..to]);
    }

    private static string Page(string plotlyJs, IReadOnlyList<string> figures)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n<script>");
        html.Append(plotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("</script>\n");
        for (var i = 0; i < figures.Count; i++)
            html.Append($"<script type=\"application/json\" id=\"figure-{i}\">")
                .Append(figures[i].Replace("</", "<\\/", StringComparison.Ordinal)).Append("</script>\n");
        html.Append("""
            <script>
            (async function () {
              function note(id, text) { var pre = document.createElement("pre"); pre.id = id; pre.textContent = text; document.body.appendChild(pre); }
              var figures = document.querySelectorAll('script[type="application/json"]');
              for (var i = 0; i < figures.length; i++) {
                try {
                  var fig = JSON.parse(figures[i].textContent);
                  var div = document.createElement("div");
                  document.body.appendChild(div);
                  var size = { width: (fig.layout && fig.layout.width) || 700, height: (fig.layout && fig.layout.height) || 450 };
                  await Plotly.newPlot(div, fig.data, fig.layout, { staticPlot: true });
                  var url = await Plotly.toImage(div, { format: "svg", width: size.width, height: size.height });
                  note("svg-" + i, decodeURIComponent(url.substring(url.indexOf(",") + 1)));
                  Plotly.purge(div);
                  div.remove();
                } catch (e) { note("error-" + i, String(e)); }
              }
            })();
            </script>
            </body></html>
            """);
        return html.ToString();
    }

    /// <summary>The text the SVG shows (its <c>text</c> elements, one per line).</summary>
    public static string Text(string svg) =>
        string.Join("\n", TextElement().Matches(svg).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, ""))));

    /// <summary>How many data marks the SVG draws: line paths, markers and bars, and embedded images (heatmaps).</summary>
    public static int DataMarks(string svg) => DataMark().Count(svg);

    [GeneratedRegex("<text[^>]*>(.*?)</text>", RegexOptions.Singleline)]
    private static partial Regex TextElement();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("class=\"(js-line|point)\"|<image\\b")]
    private static partial Regex DataMark();
}
