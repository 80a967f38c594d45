using System.Net;

namespace CourseKit.Display;

/// <summary>
/// What a notebook shows for one value: a MIME bundle, the same shape as an nbformat
/// <c>display_data</c> output's <c>data</c>. Every bundle has <c>text/plain</c>; richer
/// representations sit next to it (<c>text/html</c>, <c>image/png</c> as base64,
/// <c>image/svg+xml</c>, JSON types as JSON text). The front end (VS Code, Jupyter, GitHub,
/// CourseKit's HTML pages) picks the richest one it can render. Immutable.
/// In a .NET Interactive kernel, whose formatters are chosen per type and not per value, a bundle
/// shows as its <see cref="ToHtml"/> (and its text); richer values (images, charts) are their own types.
/// </summary>
[TypeFormatterSource(typeof(RichDisplayFormatterSource), PreferredMimeTypes = [Html, PlainText])]
public sealed class DisplayOutput : IRichDisplay
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";
    public const string Json = "application/json";

    /// <summary>A plotly.js figure <c>{"data", "layout"}</c>; Jupyter front ends with a plotly renderer draw it (JSON text here, a JSON object in nbformat).</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    private readonly Dictionary<string, string> data;

    /// <summary>A bundle holding only <c>text/plain</c>.</summary>
    public DisplayOutput(string plainText)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        data = new Dictionary<string, string>(StringComparer.Ordinal) { [PlainText] = plainText };
    }

    private DisplayOutput(Dictionary<string, string> data) => this.data = data;

    /// <summary>MIME type to content, in the order the representations were added.</summary>
    public IReadOnlyDictionary<string, string> Data => data;

    /// <summary>The <c>text/plain</c> representation.</summary>
    public string Text => data[PlainText];

    /// <summary>The content for <paramref name="mimeType"/>, or null when the bundle has none.</summary>
    public string? Get(string mimeType) => data.GetValueOrDefault(mimeType);

    /// <summary>A copy with <paramref name="mimeType"/> set to <paramref name="content"/> (replacing any earlier one).</summary>
    public DisplayOutput With(string mimeType, string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        ArgumentNullException.ThrowIfNull(content);
        return new DisplayOutput(new Dictionary<string, string>(data, StringComparer.Ordinal) { [mimeType] = content });
    }

    /// <summary>A copy that keeps only <paramref name="mimeTypes"/> (and always <c>text/plain</c>); all of them when the list is empty.</summary>
    public DisplayOutput Only(IReadOnlyCollection<string> mimeTypes)
    {
        if (mimeTypes.Count == 0) return this;
        var kept = data.Where(kv => kv.Key == PlainText || mimeTypes.Contains(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new DisplayOutput(kept);
    }

    public static DisplayOutput FromText(string text) => new(text);

    public static DisplayOutput FromHtml(string html, string plainText) => new DisplayOutput(plainText).With(Html, html);

    /// <summary>A PNG image (stored base64, as nbformat wants it).</summary>
    public static DisplayOutput FromPng(ReadOnlySpan<byte> png, string plainText) =>
        new DisplayOutput(plainText).With(Png, Convert.ToBase64String(png));

    public static DisplayOutput FromSvg(string svg, string plainText) => new DisplayOutput(plainText).With(Svg, svg);

    /// <summary>
    /// The bundle for any value: a <see cref="DisplayOutput"/> as is, an <see cref="IRichDisplay"/>
    /// through <see cref="IRichDisplay.ToDisplay"/>, anything else as text.
    /// </summary>
    public static DisplayOutput From(object? value) => value switch
    {
        DisplayOutput output => output,
        IRichDisplay rich => rich.ToDisplay(),
        _ => new DisplayOutput(PlainTextOf.Format(value)),
    };

    /// <summary>
    /// One HTML fragment for the bundle, for hosts that take only HTML: <c>text/html</c> when
    /// present, else the PNG or SVG as an <c>img</c> with a data URI, else the text in a <c>pre</c>.
    /// </summary>
    public string ToHtml()
    {
        if (Get(Html) is { } html) return html;
        var alt = WebUtility.HtmlEncode(Text);
        if (Get(Png) is { } png) return $"<img src=\"data:image/png;base64,{png}\" alt=\"{alt}\">";
        if (Get(Svg) is { } svg)
            return $"<img src=\"data:image/svg+xml;base64,{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg))}\" alt=\"{alt}\">";
        return $"<pre>{alt}</pre>";
    }

    public override string ToString() => Text;

    DisplayOutput IRichDisplay.ToDisplay() => this;
}
