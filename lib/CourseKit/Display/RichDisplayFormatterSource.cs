namespace CourseKit.Display;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on CourseKit types: one
/// formatter per MIME type a CourseKit type may prefer, for every <see cref="IRichDisplay"/>. Every
/// preferred MIME type must have a formatter here: for a type that prefers one without, .NET
/// Interactive's <c>Formatter.FindPreferredFormatter</c> recurses until the kernel process dies of a
/// stack overflow (reproduced with Microsoft.DotNet.Interactive.Formatting 1.0.0-beta.26120.1).
/// Its shape is what .NET Interactive's name-matched convention expects: a public parameterless
/// constructor and a public <c>CreateTypeFormatters()</c> returning objects that have
/// <c>MimeType</c>, <c>Type</c> and <c>bool Format(object instance, TextWriter writer)</c>.
/// </summary>
internal sealed class RichDisplayFormatterSource
{
    /// <summary>The MIME types the formatters produce, richest first.</summary>
    public static readonly string[] MimeTypes = [DisplayOutput.PlotlyJson, DisplayOutput.Html, DisplayOutput.Png, DisplayOutput.Svg, DisplayOutput.PlainText];

    public IEnumerable<object> CreateTypeFormatters() => MimeTypes.Select(m => new RichDisplayFormatter(m));
}

/// <summary>
/// Writes one MIME type of an <see cref="IRichDisplay"/>'s bundle: HTML from its richest
/// representation, images as stored (PNG base64, as Jupyter wants it), text as is.
/// </summary>
internal sealed class RichDisplayFormatter(string mimeType)
{
    public string MimeType { get; } = mimeType;

    public Type Type => typeof(IRichDisplay);

    /// <summary>Writes <paramref name="instance"/>; false when it is not an <see cref="IRichDisplay"/> or has no such representation.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not IRichDisplay rich) return false;
        var output = rich.ToDisplay();
        var content = MimeType switch
        {
            DisplayOutput.Html => output.ToHtml(),
            DisplayOutput.PlainText => output.Text,
            _ => output.Get(MimeType),
        };
        if (content is null) return false;
        writer.Write(content);
        return true;
    }
}
