namespace CourseKit.Kernel.Hosting;

/// <summary>Positions in code: Unicode code points (Jupyter), UTF-16 units (.NET) and line/character (the kernel).</summary>
internal static class TextOffsets
{
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        return index;
    }

    public static int ToCodePoints(string text, int utf16)
    {
        var count = 0;
        for (var index = 0; index < utf16 && index < text.Length; count++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        return count;
    }

    public static (int Line, int Character) LineAndCharacter(string text, int utf16)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < utf16 && i < text.Length; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, utf16 - lineStart);
    }

    public static int FromLineAndCharacter(string text, int line, int character)
    {
        var index = 0;
        for (var l = 0; l < line && index < text.Length; index++)
            if (text[index] == '\n') l++;
        return Math.Min(text.Length, index + character);
    }
}
