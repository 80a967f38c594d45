using System.Net;
using System.Text;

namespace CourseKit.Notebooks.Grading;

/// <summary>A submission's feedback as one self-contained HTML page: the score, notes, and each test with its verdict, the checks' hints and errors.</summary>
public static class FeedbackPage
{
    public static string Render(SubmissionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        var title = $"{result.NotebookName} — {result.Student}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#1f2328}")
            .Append(".test{border:1px solid #d0d7de;border-left:6px solid;border-radius:4px;margin:1em 0;padding:.5em 1em}")
            .Append(".passed{border-left-color:#1a7f37}.failed{border-left-color:#cf222e}pre{white-space:pre-wrap;background:#f6f8fa;padding:.5em}</style></head><body>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append("<p class=\"score\"><b>").Append(GradescopeResults.Number(result.Score)).Append(" of ").Append(GradescopeResults.Number(result.MaxScore))
            .Append(" points</b></p>\n");
        foreach (var note in result.Notes) html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>\n");
        foreach (var test in result.Tests)
        {
            var passed = test.Outcome == TestOutcome.Passed;
            html.Append("<div class=\"test ").Append(passed ? "passed" : "failed").Append("\"><h2>").Append(Encode(test.GradeId)).Append(": ")
                .Append(GradescopeResults.Number(test.Score)).Append(" / ").Append(GradescopeResults.Number(test.MaxScore)).Append("</h2>")
                .Append("<p>").Append(Encode(GradescopeResults.Describe(test.Outcome))).Append("</p>")
                .Append("<pre>").Append(Encode(test.Output)).Append("</pre></div>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
