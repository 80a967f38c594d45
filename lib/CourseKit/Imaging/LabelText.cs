using SkiaSharp;

namespace CourseKit.Imaging;

/// <summary>
/// Text on images (grid labels) in a real font, anti-aliased and shaped by SkiaSharp: the charts'
/// font (<see cref="Charts.StaticChart.FontName"/>), dark gray.
/// </summary>
internal static class LabelText
{
    /// <summary>The label colour (RGB 20, 20, 20).</summary>
    private static readonly SKColor Ink = new(20, 20, 20);

    private static readonly Lazy<SKTypeface> Typeface = new(() => SKTypeface.FromFamilyName(Charts.StaticChart.FontName) ?? SKTypeface.Default);

    private static SKFont Font(float size) => new(Typeface.Value, size) { Edging = SKFontEdging.Antialias, Subpixel = true };

    /// <summary>The advance width of <paramref name="text"/> at <paramref name="size"/> pixels.</summary>
    public static float Width(string text, float size)
    {
        using var font = Font(size);
        return font.MeasureText(text);
    }

    /// <summary>The height of a line of text (ascent + descent) at <paramref name="size"/> pixels.</summary>
    public static float LineHeight(float size)
    {
        using var font = Font(size);
        return font.Metrics.Descent - font.Metrics.Ascent;
    }

    /// <summary>
    /// The largest size from <paramref name="size"/> down to <paramref name="minSize"/> at which
    /// <paramref name="text"/> fits in <paramref name="width"/> pixels (at <paramref name="minSize"/> it may still be wider).
    /// </summary>
    public static float FittingSize(string text, float width, float size, float minSize)
    {
        while (size > minSize && Width(text, size) > width) size -= 0.5f;
        return size;
    }

    /// <summary>
    /// <paramref name="image"/> with each label drawn: (text, x, y, size, centred), y the top of the line;
    /// x the left edge, or the centre when centred. The result has the image's channel count.
    /// </summary>
    public static Image Draw(Image image, IEnumerable<(string Text, float X, float Y, float Size, bool Centred)> labels)
    {
        var rgba = image.ConvertTo(4);
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        System.Runtime.InteropServices.Marshal.Copy(rgba.Pixels, 0, bitmap.GetPixels(), rgba.Pixels.Length);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = Ink, IsAntialias = true })
            foreach (var (text, x, y, size, centred) in labels)
            {
                using var font = Font(size);
                var left = centred ? x - font.MeasureText(text) / 2 : x;
                canvas.DrawText(text, left, y - font.Metrics.Ascent, SKTextAlign.Left, font, paint);
            }
        var pixels = new byte[rgba.Pixels.Length];
        System.Runtime.InteropServices.Marshal.Copy(bitmap.GetPixels(), pixels, 0, pixels.Length);
        return new Image(image.Width, image.Height, 4, pixels).ConvertTo(image.Channels);
    }
}
