namespace CourseKit.Notebooks.Format;

/// <summary>Splitting text into lines that keep their line endings, as nbformat stores multi-line strings.</summary>
internal static class TextLines
{
    /// <summary>The lines of <paramref name="text"/>, each with its "\n" (or "\r\n"); the last may have none.</summary>
    public static List<string> Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
