namespace CourseKit.Display;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on CourseKit types:
/// one <c>text/html</c> and one <c>text/plain</c> formatter for every <see cref="IRichDisplay"/>.
/// Its shape is what .NET Interactive's name-matched convention expects: a public parameterless
/// constructor and a public <c>CreateTypeFormatters()</c> returning objects that have
/// <c>MimeType</c>, <c>Type</c> and <c>bool Format(object instance, TextWriter writer)</c>.
/// </summary>
internal sealed class RichDisplayFormatterSource
{
    /// <summary>The MIME types the formatters produce, richest first.</summary>
    public static readonly string[] MimeTypes = [DisplayOutput.Html, DisplayOutput.PlainText];

    public IEnumerable<object> CreateTypeFormatters() => MimeTypes.Select(m => new RichDisplayFormatter(m));
}

/// <summary>Writes one MIME type of an <see cref="IRichDisplay"/>'s bundle (HTML from its richest representation).</summary>
internal sealed class RichDisplayFormatter(string mimeType)
{
    public string MimeType { get; } = mimeType;

    public Type Type => typeof(IRichDisplay);

    /// <summary>Writes <paramref name="instance"/>; false when it is not an <see cref="IRichDisplay"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not IRichDisplay rich) return false;
        var output = rich.ToDisplay();
        writer.Write(MimeType == DisplayOutput.Html ? output.ToHtml() : output.Get(MimeType) ?? output.Text);
        return true;
    }
}
