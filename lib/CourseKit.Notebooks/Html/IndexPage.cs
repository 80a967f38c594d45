using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Html;

/// <summary>The index of a run: one row per notebook with its status, duration and links to its page and executed notebook.</summary>
public static class IndexPage
{
    public static string Render(IReadOnlyList<NotebookRun> runs, RunOptions options)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CourseKit notebooks</title>\n<style>\n")
            .Append(PageStyle.Css).Append("\n</style>\n</head>\n<body>\n<h1>CourseKit notebooks</h1>\n");
        var setting = (options.Quick ? "quick" : "full") +
                      (options.Seed is { } seed ? $", seed {seed}" : "") + (options.Device is { } device ? $", device {device}" : "");
        html.Append($"<p>{runs.Count(r => r.Succeeded)} of {runs.Count} notebooks ran without error ({Encode(setting)} setting).</p>\n");
        html.Append("<table>\n<thead><tr><th>notebook</th><th>status</th><th>duration</th><th>executed notebook</th></tr></thead>\n<tbody>\n");
        foreach (var run in runs)
        {
            var status = run.Succeeded
                ? "<span class=\"ok\">ok</span>"
                : $"<span class=\"failed\">failed</span> {Encode($"{run.Failure!.Place}{(run.Failure.Place.Length > 0 ? ": " : "")}{run.Failure.ErrorName}: {run.Failure.Message}")}";
            html.Append("<tr>")
                .Append($"<td><a href=\"{Encode(Uri.EscapeDataString(run.Name))}.html\">{Encode(run.Name)}</a></td>")
                .Append($"<td>{status}</td>")
                .Append($"<td style=\"text-align:right\">{run.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s</td>")
                .Append(run.Executed is null ? "<td>(not readable)</td>" : $"<td><a href=\"{Encode(Uri.EscapeDataString(run.Name))}.ipynb\">{Encode(run.Name)}.ipynb</a></td>")
                .Append("</tr>\n");
        }
        return html.Append("</tbody>\n</table>\n</body>\n</html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
