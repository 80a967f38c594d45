using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Display;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Html;

/// <summary>
/// One self-contained HTML page for an executed notebook: markdown rendered, code with its outputs,
/// images inline as data URIs. A chart (plotly.js figure) is drawn interactively by the embedded
/// plotly.js over its static PNG, which stays when scripts do not run; for other displays the static
/// representation is preferred (PNG, then SVG, then HTML, then text). Formulas are typeset by the
/// embedded MathJax. Nothing is loaded from the network (<see cref="PageScripts"/>).
/// </summary>
public static class NotebookPage
{
    private static readonly string[] Preference =
        [DisplayOutput.Png, DisplayOutput.Svg, DisplayOutput.Html, DisplayOutput.Markdown, DisplayOutput.PlainText];

    public static string Render(NotebookRun run)
    {
        var cells = run.Executed?.Cells ?? [];
        var math = cells.Any(c => c.Kind == CellKind.Markdown && c.Source.Contains('$'));
        var figures = cells.SelectMany(c => c.Outputs).Any(o => Data(o)?.Get(DisplayOutput.PlotlyJson) is not null);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(Encode(run.Name)).Append("</title>\n<style>\n").Append(PageStyle.Css).Append("\n</style>\n")
            .Append(PageScripts.Head(math)).Append("</head>\n<body>\n");
        html.Append("<p class=\"prompt\"><a href=\"index.html\">all notebooks</a> · ").Append(Encode(run.Name)).Append(".ipynb · ")
            .Append(run.Succeeded ? "<span class=\"ok\">ok</span>" : "<span class=\"failed\">failed</span>")
            .Append(" · ").Append(run.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s</p>\n");
        if (run.FailureMessage is { } failure) html.Append("<pre class=\"error\">").Append(Encode(failure)).Append("</pre>\n");

        foreach (var cell in cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    html.Append("<div class=\"cell markdown\">\n").Append(Markdown.ToHtml(cell.Source, u => Attachment(cell, u))).Append("</div>\n");
                    break;
                case CellKind.Code:
                    Code(cell, html);
                    break;
                case CellKind.Raw:
                    html.Append("<div class=\"cell raw\"><pre>").Append(Encode(cell.Source)).Append("</pre></div>\n");
                    break;
            }
        }
        return html.Append(PageScripts.Tail(figures)).Append("</body>\n</html>\n").ToString();
    }

    private static void Code(NotebookCell cell, StringBuilder html)
    {
        var prompt = cell.ExecutionCount is { } n ? $"In [{n}]:" : "In [ ]:";
        if (cell.Tags.Contains(Parameters.InjectedTag)) prompt += " injected parameters";
        html.Append("<div class=\"cell code\">\n<div class=\"prompt\">").Append(Encode(prompt)).Append("</div>\n")
            .Append("<pre class=\"source\"><code class=\"language-csharp\">").Append(Encode(cell.Source)).Append("</code></pre>\n");
        if (cell.ExecutionCount is null && cell.Outputs.Count == 0 && cell.Source.Trim().Length > 0)
            html.Append("<div class=\"notrun\">not run</div>\n");
        foreach (var output in cell.Outputs)
        {
            html.Append("<div class=\"output\">");
            html.Append(output switch
            {
                StreamOutput s => $"<pre class=\"stream {Encode(s.Name)}\">{Encode(s.Text)}</pre>",
                DisplayDataOutput d => Best(d.Data),
                ExecuteResultOutput r => Best(r.Data),
                ErrorOutput e => $"<pre class=\"error\">{Encode(string.Join("\n", e.Traceback.Prepend($"{e.Name}: {e.Value}").Distinct()))}</pre>",
                _ => "",
            });
            html.Append("</div>\n");
        }
        html.Append("</div>\n");
    }

    private static DisplayOutput? Data(CellOutput output) => output switch
    {
        DisplayDataOutput d => d.Data,
        ExecuteResultOutput r => r.Data,
        _ => null,
    };

    private static string Best(DisplayOutput output)
    {
        if (output.Get(DisplayOutput.PlotlyJson) is { } figure)
        {
            // The static image until plotly.js draws the figure from the JSON beside it.
            var fallback = output.Get(DisplayOutput.Png) is { } png
                ? $"<img src=\"data:image/png;base64,{png.Trim()}\" alt=\"{Encode(output.Text)}\">"
                : $"<pre class=\"stream\">{Encode(output.Text)}</pre>";
            return $"<div class=\"plotly-figure\">{fallback}</div><script type=\"application/json\">{figure.Replace("</", "<\\/")}</script>";
        }
        var mime = Preference.FirstOrDefault(m => output.Get(m) is not null) ?? DisplayOutput.PlainText;
        var content = output.Get(mime)!;
        var alt = Encode(output.Text);
        return mime switch
        {
            DisplayOutput.Png => $"<img src=\"data:image/png;base64,{content.Trim()}\" alt=\"{alt}\">",
            DisplayOutput.Svg => $"<img src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(content))}\" alt=\"{alt}\">",
            DisplayOutput.Html => content,
            DisplayOutput.Markdown => Markdown.ToHtml(content),
            _ => $"<pre class=\"stream\">{Encode(content)}</pre>",
        };
    }

    /// <summary>Markdown images like <c>attachment:figure.png</c> become data URIs from the cell's attachments.</summary>
    private static string Attachment(NotebookCell cell, string url)
    {
        const string prefix = "attachment:";
        if (!url.StartsWith(prefix, StringComparison.Ordinal) || cell.Attachments?[url[prefix.Length..]] is not JsonObject bundle)
            return url;
        var (mime, data) = bundle.Select(kv => (kv.Key, kv.Value)).FirstOrDefault(kv => kv.Key.StartsWith("image/", StringComparison.Ordinal));
        return data is null ? url : $"data:{mime};base64,{(data is JsonArray parts ? string.Concat(parts.Select(p => p?.GetValue<string>())) : data.GetValue<string>()).Trim()}";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
