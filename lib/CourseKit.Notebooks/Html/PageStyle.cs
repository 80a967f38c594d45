namespace CourseKit.Notebooks.Html;

/// <summary>The style sheet shared by notebook pages and the index (inline, so pages work offline and alone).</summary>
internal static class PageStyle
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; color: #1f2328; line-height: 1.5; }
        pre, code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 0.9em; }
        pre { overflow-x: auto; }
        .cell { margin: 1em 0; }
        .source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px; padding: 0.6em 0.8em; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        .prompt { color: #57606a; font-family: ui-monospace, monospace; font-size: 0.8em; }
        .output { margin: 0.4em 0 0 0; padding: 0 0.8em; }
        .output img { max-width: 100%; }
        .stream { margin: 0; white-space: pre-wrap; }
        .stderr { background: #fff5f5; }
        .error { background: #ffebe9; border-left: 4px solid #cf222e; padding: 0.5em 0.8em; margin: 0; white-space: pre-wrap; }
        .notrun { color: #8c959f; font-style: italic; font-size: 0.85em; }
        .math { font-family: "Latin Modern Math", "STIX Two Math", serif; }
        div.math { text-align: center; margin: 0.8em 0; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #d0d7de; padding: 0.25em 0.6em; }
        .ok { color: #1a7f37; font-weight: 600; }
        .failed { color: #cf222e; font-weight: 600; }
        blockquote { border-left: 4px solid #d0d7de; margin-left: 0; padding-left: 1em; color: #57606a; }
        """;
}
