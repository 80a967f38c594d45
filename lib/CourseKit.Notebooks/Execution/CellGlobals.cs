using CourseKit.Display;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Names every cell sees without a <c>using</c>, as the .NET Interactive C# kernel provides them:
/// <c>display(value, mimeTypes...)</c> and <c>HTML(string)</c>.
/// </summary>
public sealed class CellGlobals
{
    /// <summary>Shows a value as a <c>display_data</c> output; the handle's <c>Update</c> replaces it.</summary>
    public DisplayHandle display(object? value, params string[] mimeTypes) => Notebook.display(value, mimeTypes);

    /// <summary>Marks a string as HTML for <c>display</c>, like the kernel's <c>HTML(...)</c>.</summary>
    public DisplayOutput HTML(string html) => DisplayOutput.FromHtml(html, html);
}
