using CourseKit.Display;

namespace CourseKit.Imaging;

/// <summary>
/// An 8-bit image in memory: <see cref="Height"/> rows of <see cref="Width"/> pixels, each
/// <see cref="Channels"/> bytes (1 gray, 2 gray + alpha, 3 RGB, 4 RGBA), row-major without
/// padding: the byte of channel c at (x, y) is <c>Pixels[(y * Width + x) * Channels + c]</c>.
/// </summary>
[TypeFormatterSource(typeof(RichDisplayFormatterSource), PreferredMimeTypes = [DisplayOutput.Png, DisplayOutput.PlainText])]
public sealed class Image : IRichDisplay
{
    /// <summary>Notebook display: the PNG, with a one-line description as text.</summary>
    public DisplayOutput ToDisplay() => DisplayOutput.FromPng(ToPng(), $"Image {Width} x {Height}, {Channels} channel(s)");

    /// <summary>Wraps <paramref name="pixels"/> (not copied); its length must be width * height * channels.</summary>
    public Image(int width, int height, int channels, byte[] pixels)
    {
        if (width < 1 || height < 1)
            throw new ArgumentOutOfRangeException(nameof(width), $"Image: size must be at least 1 x 1, got {width} x {height}");
        if (channels is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(channels), $"Image: channels must be 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA), got {channels}");
        ArgumentNullException.ThrowIfNull(pixels);
        if ((long)width * height * channels != pixels.Length)
            throw new ArgumentException($"Image: {width} x {height} x {channels} needs {(long)width * height * channels} bytes, got {pixels.Length}", nameof(pixels));
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>A new image with every pixel set to <paramref name="fill"/> (one byte per channel).</summary>
    public static Image Solid(int width, int height, ReadOnlySpan<byte> fill)
    {
        var image = new Image(width, height, fill.Length, new byte[(long)Math.Max(width, 0) * Math.Max(height, 0) * fill.Length]);
        for (var i = 0; i < image.Pixels.Length; i += fill.Length) fill.CopyTo(image.Pixels.AsSpan(i, fill.Length));
        return image;
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    public byte[] Pixels { get; }

    /// <summary>The <see cref="Channels"/> bytes of pixel (x, y).</summary>
    public Span<byte> Pixel(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            throw new ArgumentOutOfRangeException(nameof(x), $"Image.Pixel: ({x}, {y}) lies outside {Width} x {Height}");
        return Pixels.AsSpan((y * Width + x) * Channels, Channels);
    }

    /// <summary>Each pixel becomes a k x k block (nearest-neighbour upscaling).</summary>
    public Image Upscale(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), $"Image.Upscale: factor must be at least 1, got {k}");
        if (k == 1) return new Image(Width, Height, Channels, (byte[])Pixels.Clone());
        int w = Width * k, h = Height * k, c = Channels;
        var outPixels = new byte[(long)w * h * c];
        for (var y = 0; y < h; y++)
        {
            var src = Pixels.AsSpan(y / k * Width * c, Width * c);
            var dst = outPixels.AsSpan(y * w * c, w * c);
            for (var x = 0; x < w; x++) src.Slice(x / k * c, c).CopyTo(dst.Slice(x * c, c));
        }
        return new Image(w, h, c, outPixels);
    }

    /// <summary>The same picture with <paramref name="channels"/> channels (gray is replicated; alpha is dropped or made opaque).</summary>
    public Image ConvertTo(int channels)
    {
        if (channels == Channels) return this;
        var result = new Image(Width, Height, channels, new byte[(long)Width * Height * channels]);
        Span<byte> rgba = stackalloc byte[4];
        for (var i = 0; i < Width * Height; i++)
        {
            ToRgba(Pixels.AsSpan(i * Channels, Channels), rgba);
            FromRgba(rgba, result.Pixels.AsSpan(i * channels, channels));
        }
        return result;
    }

    /// <summary>Copies <paramref name="source"/> with its top-left corner at (x, y), converting channels, clipping at the border.</summary>
    public void Paste(Image source, int x, int y)
    {
        var src = source.ConvertTo(Channels);
        for (var row = Math.Max(0, -y); row < src.Height && y + row < Height; row++)
        {
            var x0 = Math.Max(0, -x);
            var count = Math.Min(src.Width, Width - x) - x0;
            if (count <= 0) return;
            src.Pixels.AsSpan(((row * src.Width) + x0) * Channels, count * Channels)
                .CopyTo(Pixels.AsSpan((((y + row) * Width) + x + x0) * Channels));
        }
    }

    /// <summary>Sets the pixels of the rectangle [x, x + w) x [y, y + h), clipped, to <paramref name="rgba"/>.</summary>
    public void FillRect(int x, int y, int w, int h, ReadOnlySpan<byte> rgba)
    {
        Span<byte> value = stackalloc byte[Channels];
        FromRgba(rgba, value);
        for (var yy = Math.Max(0, y); yy < Math.Min(Height, y + h); yy++)
            for (var xx = Math.Max(0, x); xx < Math.Min(Width, x + w); xx++)
                value.CopyTo(Pixels.AsSpan((yy * Width + xx) * Channels, Channels));
    }

    /// <summary>Encodes as PNG (colour type from <see cref="Channels"/>, 8 bits per sample).</summary>
    public byte[] ToPng() => PngEncoder.Encode(this);

    /// <summary>Decodes a PNG file's bytes.</summary>
    public static Image FromPng(byte[] png) => PngDecoder.Decode(png);

    /// <summary>A <c>data:image/png;base64,...</c> URI of <see cref="ToPng"/>.</summary>
    public string ToDataUri() => "data:image/png;base64," + Convert.ToBase64String(ToPng());

    /// <summary>An HTML <c>&lt;img&gt;</c> element showing the image inline, pixelated when scaled by the browser.</summary>
    public string ToHtml() =>
        $"<img src=\"{ToDataUri()}\" width=\"{Width}\" height=\"{Height}\" style=\"image-rendering:pixelated\" alt=\"image {Width} x {Height}\"/>";

    /// <summary>Writes a .png file, or a .html page that shows the image as a data URI.</summary>
    public void Save(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        switch (ext)
        {
            case ".png": File.WriteAllBytes(path, ToPng()); break;
            case ".html" or ".htm":
                File.WriteAllText(path, $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{Path.GetFileNameWithoutExtension(path)}</title></head>\n<body>{ToHtml()}</body></html>\n");
                break;
            default: throw new ArgumentException($"Image.Save: unknown extension '{ext}' in {path}; use .png or .html", nameof(path));
        }
    }

    /// <summary>Reads a .png file.</summary>
    public static Image Load(string path) => FromPng(File.ReadAllBytes(path));

    public override string ToString() => $"Image {Width} x {Height}, {Channels} channel{(Channels == 1 ? "" : "s")}";

    internal static void ToRgba(ReadOnlySpan<byte> px, Span<byte> rgba)
    {
        switch (px.Length)
        {
            case 1: rgba[0] = rgba[1] = rgba[2] = px[0]; rgba[3] = 255; break;
            case 2: rgba[0] = rgba[1] = rgba[2] = px[0]; rgba[3] = px[1]; break;
            case 3: px.CopyTo(rgba); rgba[3] = 255; break;
            default: px.CopyTo(rgba); break;
        }
    }

    /// <summary>RGBA to 1..4 channels; gray is the ITU-R BT.601 luma 0.299 R + 0.587 G + 0.114 B.</summary>
    internal static void FromRgba(ReadOnlySpan<byte> rgba, Span<byte> px)
    {
        switch (px.Length)
        {
            case 1: px[0] = Luma(rgba); break;
            case 2: px[0] = Luma(rgba); px[1] = rgba[3]; break;
            case 3: rgba[..3].CopyTo(px); break;
            default: rgba.CopyTo(px); break;
        }
    }

    private static byte Luma(ReadOnlySpan<byte> rgba) => (byte)((299 * rgba[0] + 587 * rgba[1] + 114 * rgba[2] + 500) / 1000);
}
