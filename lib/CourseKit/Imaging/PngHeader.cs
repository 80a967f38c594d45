using System.Buffers.Binary;

namespace CourseKit.Imaging;

/// <summary>The IHDR chunk of a PNG file (PNG specification, section 11.2.1), validated.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, int ColourType)
{
    /// <summary>Decoded images larger than this many bytes are refused rather than allocated.</summary>
    private const long MaxBytes = 1L << 30;

    /// <summary>Samples per pixel in the file: gray 1, RGB 3, palette index 1, gray + alpha 2, RGBA 4.</summary>
    public int Samples => ColourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

    /// <summary>Bytes per filtered row, without the filter byte.</summary>
    public int Stride => (int)(((long)Width * Samples * BitDepth + 7) / 8);

    /// <summary>The filter's "bytes per complete pixel", at least 1.</summary>
    public int FilterBpp => Math.Max(1, Samples * BitDepth / 8);

    public static PngHeader Parse(PngChunk chunk)
    {
        if (chunk.Type != "IHDR")
            throw new InvalidDataException($"PNG: the first chunk must be IHDR, found '{chunk.Type}'");
        var d = chunk.Data;
        if (d.Length != 13) throw new InvalidDataException($"PNG: IHDR must hold 13 bytes, holds {d.Length}");
        var width = BinaryPrimitives.ReadUInt32BigEndian(d);
        var height = BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(4));
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
            throw new InvalidDataException($"PNG: invalid image size {width} x {height} in IHDR");
        int depth = d[8], colour = d[9];
        var allowed = colour switch
        {
            0 => new[] { 1, 2, 4, 8, 16 },
            2 or 4 or 6 => [8, 16],
            3 => [1, 2, 4, 8],
            _ => throw new InvalidDataException($"PNG: unsupported colour type {colour} in IHDR (valid: 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA)"),
        };
        if (Array.IndexOf(allowed, depth) < 0)
            throw new InvalidDataException($"PNG: unsupported bit depth {depth} for colour type {colour} (allowed: {string.Join(", ", allowed)})");
        if (d[10] != 0) throw new InvalidDataException($"PNG: unsupported compression method {d[10]} in IHDR (only 0, deflate)");
        if (d[11] != 0) throw new InvalidDataException($"PNG: unsupported filter method {d[11]} in IHDR (only 0)");
        if (d[12] == 1) throw new InvalidDataException("PNG: unsupported interlace method 1 (Adam7); save the image without interlacing");
        if (d[12] != 0) throw new InvalidDataException($"PNG: invalid interlace method {d[12]} in IHDR");
        var header = new PngHeader((int)width, (int)height, depth, colour);
        if ((long)header.Width * header.Height * 4 > MaxBytes)
            throw new InvalidDataException($"PNG: image {width} x {height} is too large to decode (limit {MaxBytes >> 20} MiB of pixels)");
        return header;
    }
}
