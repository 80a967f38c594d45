using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Html;

/// <summary>
/// A small Markdown-to-HTML converter for notebook text cells: ATX headings, paragraphs, emphasis,
/// inline code and fenced code blocks, ordered and unordered (nested) lists, block quotes, pipe
/// tables, horizontal rules, links, images and raw HTML. LaTeX (<c>$...$</c>, <c>$$...$$</c>,
/// <c>\(...\)</c>, <c>\[...\]</c>) is left exactly as written, inside <c>span.math</c> /
/// <c>div.math</c>, for MathJax or KaTeX to typeset when a page loads one.
/// </summary>
public static partial class Markdown
{
    /// <summary>Converts <paramref name="markdown"/>; <paramref name="resolveUrl"/> may replace link and image targets (e.g. attachments).</summary>
    public static string ToHtml(string markdown, Func<string, string>? resolveUrl = null)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var html = new StringBuilder();
        Blocks(lines, html, resolveUrl ?? (u => u));
        return html.ToString();
    }

    private static void Blocks(string[] lines, StringBuilder html, Func<string, string> url)
    {
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0) { i++; continue; }

            if (Fence().Match(trimmed) is { Success: true } fence)
            {
                var marker = fence.Groups[1].Value;
                var language = fence.Groups[2].Value.Trim();
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].Trim().StartsWith(marker, StringComparison.Ordinal); i++) code.Add(lines[i]);
                i++;
                var cls = language.Length > 0 ? $" class=\"language-{Encode(language)}\"" : "";
                html.Append($"<pre><code{cls}>").Append(Encode(string.Join("\n", code))).Append("</code></pre>\n");
            }
            else if (trimmed.StartsWith("$$", StringComparison.Ordinal) || trimmed.StartsWith("\\[", StringComparison.Ordinal))
            {
                var close = trimmed.StartsWith("$$", StringComparison.Ordinal) ? "$$" : "\\]";
                var math = new List<string> { line };
                var closedOnFirst = trimmed.Length > 2 && trimmed.EndsWith(close, StringComparison.Ordinal);
                for (i++; !closedOnFirst && i < lines.Length; i++)
                {
                    math.Add(lines[i]);
                    if (lines[i].TrimEnd().EndsWith(close, StringComparison.Ordinal)) { i++; break; }
                }
                html.Append("<div class=\"math\">").Append(Encode(string.Join("\n", math).Trim())).Append("</div>\n");
            }
            else if (Heading().Match(trimmed) is { Success: true } heading)
            {
                var level = heading.Groups[1].Value.Length;
                var text = heading.Groups[2].Value.TrimEnd('#', ' ');
                html.Append($"<h{level} id=\"{Slug(text)}\">").Append(Inline(text, url)).Append($"</h{level}>\n");
                i++;
            }
            else if (Rule().IsMatch(trimmed))
            {
                html.Append("<hr>\n");
                i++;
            }
            else if (trimmed.StartsWith('>'))
            {
                var quoted = new List<string>();
                for (; i < lines.Length && lines[i].TrimStart().StartsWith('>'); i++)
                {
                    var q = lines[i].TrimStart()[1..];
                    quoted.Add(q.StartsWith(' ') ? q[1..] : q);
                }
                html.Append("<blockquote>\n");
                Blocks(quoted.ToArray(), html, url);
                html.Append("</blockquote>\n");
            }
            else if (ListItem().Match(line) is { Success: true })
            {
                i = List(lines, i, html, url);
            }
            else if (i + 1 < lines.Length && trimmed.Contains('|') && TableSeparator().IsMatch(lines[i + 1].Trim()))
            {
                i = Table(lines, i, html, url);
            }
            else if (trimmed.StartsWith('<') && BlockTag().IsMatch(trimmed))
            {
                for (; i < lines.Length && lines[i].Trim().Length > 0; i++) html.Append(lines[i]).Append('\n');
            }
            else
            {
                var paragraph = new List<string>();
                for (; i < lines.Length && StartsParagraphLine(lines, i, paragraph.Count == 0); i++) paragraph.Add(lines[i]);
                html.Append("<p>").Append(Inline(string.Join("\n", paragraph), url)).Append("</p>\n");
            }
        }
    }

    private static bool StartsParagraphLine(string[] lines, int i, bool first)
    {
        var t = lines[i].Trim();
        if (t.Length == 0) return false;
        if (first) return true;
        return !(Fence().IsMatch(t) || Heading().IsMatch(t) || Rule().IsMatch(t) || t.StartsWith('>') ||
                 ListItem().IsMatch(lines[i]) || t.StartsWith("$$", StringComparison.Ordinal));
    }

    private static int List(string[] lines, int i, StringBuilder html, Func<string, string> url)
    {
        var first = ListItem().Match(lines[i]);
        var indent = first.Groups[1].Value.Length;
        var ordered = char.IsDigit(first.Groups[2].Value[0]);
        html.Append(ordered ? "<ol>\n" : "<ul>\n");
        while (i < lines.Length && ListItem().Match(lines[i]) is { Success: true } item && item.Groups[1].Value.Length == indent &&
               char.IsDigit(item.Groups[2].Value[0]) == ordered)
        {
            var content = new List<string> { item.Groups[3].Value };
            var contentIndent = item.Length - item.Groups[3].Value.Length;
            for (i++; i < lines.Length; i++)
            {
                var next = lines[i];
                if (next.Trim().Length == 0)
                {
                    if (i + 1 < lines.Length && Indentation(lines[i + 1]) > indent && lines[i + 1].Trim().Length > 0) { content.Add(""); continue; }
                    break;
                }
                if (Indentation(next) <= indent && (ListItem().IsMatch(next) || content[^1].Length == 0)) break;
                content.Add(next[Math.Min(Indentation(next), contentIndent)..]);
            }
            var inner = new StringBuilder();
            Blocks(content.ToArray(), inner, url);
            var body = inner.ToString();
            // A one-paragraph item is written without its <p>, like most renderers do.
            if (body.StartsWith("<p>", StringComparison.Ordinal) && body.IndexOf("<p>", 3, StringComparison.Ordinal) < 0)
                body = body[3..].Replace("</p>\n", "\n", StringComparison.Ordinal);
            html.Append("<li>").Append(body.TrimEnd('\n')).Append("</li>\n");
        }
        html.Append(ordered ? "</ol>\n" : "</ul>\n");
        return i;
    }

    private static int Table(string[] lines, int i, StringBuilder html, Func<string, string> url)
    {
        var header = Cells(lines[i]);
        var aligns = Cells(lines[i + 1]).Select(c =>
            c.StartsWith(':') && c.EndsWith(':') ? " style=\"text-align:center\"" :
            c.EndsWith(':') ? " style=\"text-align:right\"" : "").ToArray();
        string Align(int k) => k < aligns.Length ? aligns[k] : "";
        html.Append("<table>\n<thead><tr>");
        for (var k = 0; k < header.Length; k++) html.Append($"<th{Align(k)}>").Append(Inline(header[k], url)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        for (i += 2; i < lines.Length && lines[i].Trim().Length > 0 && lines[i].Contains('|'); i++)
        {
            var row = Cells(lines[i]);
            html.Append("<tr>");
            for (var k = 0; k < header.Length; k++)
                html.Append($"<td{Align(k)}>").Append(k < row.Length ? Inline(row[k], url) : "").Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        return i;
    }

    private static string[] Cells(string row)
    {
        var t = row.Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|') && !t.EndsWith("\\|", StringComparison.Ordinal)) t = t[..^1];
        return CellSplit().Split(t).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal)).ToArray();
    }

    private static int Indentation(string line) => line.Length - line.TrimStart().Length;

    /// <summary>
    /// Inline markup. Code spans, math and raw tags are set aside first (so that '*' or '_' inside
    /// them is not emphasis), the rest is HTML-escaped, then links, images and emphasis are applied.
    /// </summary>
    internal static string Inline(string text, Func<string, string> url)
    {
        var kept = new List<string>();
        string Keep(string html)
        {
            kept.Add(html);
            return $"\u0001{kept.Count - 1}\u0002";
        }

        text = CodeSpan().Replace(text, m => Keep("<code>" + Encode(m.Groups[2].Value.Trim()) + "</code>"));
        text = InlineMath().Replace(text, m => Keep("<span class=\"math\">" + Encode(m.Value) + "</span>"));
        text = AutoLink().Replace(text, m => Keep($"<a href=\"{Encode(url(m.Groups[1].Value))}\">{Encode(m.Groups[1].Value)}</a>"));
        text = RawTag().Replace(text, m => Keep(m.Value));
        text = Encode(text);
        text = Image().Replace(text, m => Keep($"<img src=\"{Attribute(url(Decode(m.Groups[2].Value)))}\" alt=\"{m.Groups[1].Value}\">"));
        text = Link().Replace(text, m => $"<a href=\"{Attribute(url(Decode(m.Groups[2].Value)))}\">{m.Groups[1].Value}</a>");
        text = Strong().Replace(text, "<strong>$2</strong>");
        text = Emphasis().Replace(text, "<em>$2</em>");
        text = UnderscoreEmphasis().Replace(text, "$1<em>$2</em>");
        text = HardBreak().Replace(text, "<br>\n");
        return Restore().Replace(text, m => kept[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Decode(string text) => WebUtility.HtmlDecode(text);

    private static string Attribute(string text) => WebUtility.HtmlEncode(text);

    private static string Slug(string heading) =>
        NonWord().Replace(heading.ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } s ? s : "section";

    [GeneratedRegex("^(```+|~~~+)\\s*([^`]*)$")] private static partial Regex Fence();
    [GeneratedRegex("^(#{1,6})\\s+(.*)$")] private static partial Regex Heading();
    [GeneratedRegex("^(\\*\\s*){3,}$|^(-\\s*){3,}$|^(_\\s*){3,}$")] private static partial Regex Rule();
    [GeneratedRegex("^( *)([-*+]|\\d{1,9}[.)])\\s+(.*)$")] private static partial Regex ListItem();
    [GeneratedRegex("^\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?$")] private static partial Regex TableSeparator();
    [GeneratedRegex("(?<!\\\\)\\|")] private static partial Regex CellSplit();
    [GeneratedRegex("^</?(div|table|p|pre|img|figure|details|summary|center|h[1-6]|ul|ol|iframe|svg|video|style|script)\\b", RegexOptions.IgnoreCase)] private static partial Regex BlockTag();
    [GeneratedRegex("(`+)(.+?)\\1")] private static partial Regex CodeSpan();
    [GeneratedRegex("\\$\\$.+?\\$\\$|\\$(?=\\S)(?:\\\\\\$|[^$\\n])+?(?<=\\S)\\$(?!\\d)|\\\\\\(.+?\\\\\\)", RegexOptions.Singleline)] private static partial Regex InlineMath();
    [GeneratedRegex("<(https?://[^>\\s]+)>")] private static partial Regex AutoLink();
    [GeneratedRegex("</?[a-zA-Z][a-zA-Z0-9-]*(\\s+[^<>]*)?/?>")] private static partial Regex RawTag();
    [GeneratedRegex("!\\[([^\\]]*)\\]\\(([^)\\s]+)(?:\\s+&quot;[^)]*&quot;)?\\)")] private static partial Regex Image();
    [GeneratedRegex("\\[([^\\]]+)\\]\\(([^)\\s]+)(?:\\s+&quot;[^)]*&quot;)?\\)")] private static partial Regex Link();
    [GeneratedRegex("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1")] private static partial Regex Strong();
    [GeneratedRegex("(\\*)(?=\\S)(.+?)(?<=\\S)\\*")] private static partial Regex Emphasis();
    [GeneratedRegex("(^|[^\\w])_(?=\\S)(.+?)(?<=\\S)_(?!\\w)")] private static partial Regex UnderscoreEmphasis();
    [GeneratedRegex("(  |\\\\)\\n")] private static partial Regex HardBreak();
    [GeneratedRegex("\u0001(\\d+)\u0002")] private static partial Regex Restore();
    [GeneratedRegex("[^a-z0-9]+")] private static partial Regex NonWord();
}
