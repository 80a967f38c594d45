using System.Net;
using CourseKit.Display;

namespace CourseKit.Exercises;

/// <summary>
/// The verdict of an exercise check: a green "✓ passed" or a red "✗ not yet" box in a notebook
/// (HTML), one line as text. The message says what was checked or what went wrong, the hint
/// names the most likely mistake, and the details show the input and the numbers that disagree.
/// A check never puts the reference implementation in any of these.
/// </summary>
/// <param name="Exercise">The exercise's name, e.g. "KL divergence".</param>
/// <param name="Passed">Whether the student's function matched the reference on every check.</param>
/// <param name="Message">What was checked (passed) or the first thing that went wrong (not yet).</param>
/// <param name="Hint">The most likely cause of the failure, when a diagnostic rule recognised it.</param>
/// <param name="Details">The input case, expected and actual values or shapes (several lines).</param>
[TypeFormatterSource(typeof(RichDisplayFormatterSource), PreferredMimeTypes = [DisplayOutput.Html, DisplayOutput.PlainText])]
public sealed record CheckResult(string Exercise, bool Passed, string Message, string? Hint = null, string? Details = null) : IRichDisplay
{
    /// <summary>A passed check.</summary>
    public static CheckResult Pass(string exercise, string message) => new(exercise, true, message);

    /// <summary>A failed check.</summary>
    public static CheckResult Fail(string exercise, string message, string? hint = null, string? details = null) =>
        new(exercise, false, message, hint, details);

    /// <summary>"✓ passed" or "✗ not yet".</summary>
    public string Verdict => Passed ? "✓ passed" : "✗ not yet";

    /// <summary>One line: verdict, exercise, message and hint (the details are left to the HTML).</summary>
    public override string ToString() =>
        $"{Verdict}: {Exercise}. {Message}{(Hint is null ? "" : $" Hint: {Hint}")}".ReplaceLineEndings(" ");

    /// <summary>Notebook display: the coloured box, with the one-line text beside it.</summary>
    public DisplayOutput ToDisplay() => DisplayOutput.FromHtml(Html(), ToString());

    private string Html()
    {
        var (border, background, text) = Passed ? ("#1a7f37", "#e9f7ee", "#0f3d1f") : ("#cf222e", "#fdecee", "#5c0d12");
        var html = new System.Text.StringBuilder();
        html.Append($"<div class=\"coursekit-check {(Passed ? "passed" : "not-yet")}\" style=\"border:1px solid {border};border-left:6px solid {border};")
            .Append($"border-radius:4px;padding:8px 12px;margin:4px 0;background:{background};color:{text};font-family:system-ui,sans-serif;font-size:14px\">")
            .Append($"<div style=\"font-weight:600;color:{border}\">{Encode(Verdict)} <span style=\"color:{text}\">— {Encode(Exercise)}</span></div>")
            .Append($"<div style=\"margin-top:4px\">{Encode(Message)}</div>");
        if (Hint is not null) html.Append($"<div style=\"margin-top:4px\"><b>Hint:</b> {Encode(Hint)}</div>");
        if (Details is not null)
            html.Append($"<pre style=\"margin:6px 0 0;padding:6px;background:rgba(255,255,255,0.6);color:{text};white-space:pre-wrap\">{Encode(Details)}</pre>");
        return html.Append("</div>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
