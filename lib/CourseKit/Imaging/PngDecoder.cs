using System.IO.Compression;

namespace CourseKit.Imaging;

/// <summary>
/// Reads PNG files into 8-bit <see cref="Image"/>s: colour types 0, 2, 4, 6 at 8 bits map to
/// 1, 3, 2, 4 channels unchanged; 16-bit samples keep their high byte; gray at 1, 2, 4 bits is
/// scaled to 0..255; palette images (type 3) become RGB, or RGBA when a tRNS chunk is present.
/// All five filter types and any number of IDAT chunks are handled; interlaced (Adam7) files are
/// refused. Every malformation raises <see cref="InvalidDataException"/> saying what is wrong.
/// </summary>
public static class PngDecoder
{
    private static readonly HashSet<string> KnownCritical = ["IHDR", "PLTE", "IDAT", "IEND"];

    public static Image Decode(ReadOnlySpan<byte> png)
    {
        var chunks = PngChunks.Read(png);
        var header = PngHeader.Parse(chunks[0]);
        byte[]? palette = null, transparency = null;
        using var compressed = new MemoryStream();
        foreach (var chunk in chunks.Skip(1))
        {
            switch (chunk.Type)
            {
                case "IDAT": compressed.Write(chunk.Data); break;
                case "PLTE": palette = chunk.Data; break;
                case "tRNS": transparency = chunk.Data; break;
                case "IHDR": throw new InvalidDataException("PNG: more than one IHDR chunk");
                default:
                    if (char.IsAsciiLetterUpper(chunk.Type[0]) && !KnownCritical.Contains(chunk.Type))
                        throw new InvalidDataException($"PNG: unknown critical chunk '{chunk.Type}'");
                    break;
            }
        }
        if (compressed.Length == 0) throw new InvalidDataException("PNG: no IDAT chunk (the file holds no image data)");
        var raw = Inflate(compressed.ToArray(), header);
        var samples = Unfilter(raw, header);
        return header.ColourType == 3
            ? ApplyPalette(samples, header, palette, transparency)
            : ToEightBit(samples, header);
    }

    /// <summary>The zlib-decompressed scanlines; exactly Height * (1 + Stride) bytes are needed.</summary>
    private static byte[] Inflate(byte[] compressed, PngHeader header)
    {
        var expected = (long)header.Height * (header.Stride + 1);
        var raw = new byte[expected];
        int filled = 0;
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            int n;
            while (filled < raw.Length && (n = zlib.Read(raw, filled, raw.Length - filled)) > 0) filled += n;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"PNG: corrupt zlib stream in IDAT ({e.Message})", e);
        }
        if (filled < expected)
            throw new InvalidDataException($"PNG: truncated image data: IDAT decompresses to {filled} bytes, {header.Width} x {header.Height} needs {expected}");
        return raw;
    }

    /// <summary>Reverses the per-row filters; returns the packed samples, Height * Stride bytes.</summary>
    private static byte[] Unfilter(byte[] raw, PngHeader header)
    {
        var stride = header.Stride;
        var result = new byte[(long)header.Height * stride];
        var zeros = new byte[stride];
        for (var y = 0; y < header.Height; y++)
        {
            var row = result.AsSpan(y * stride, stride);
            raw.AsSpan(y * (stride + 1) + 1, stride).CopyTo(row);
            ReadOnlySpan<byte> prior = y == 0 ? zeros : result.AsSpan((y - 1) * stride, stride);
            PngFilter.Unfilter(raw[y * (stride + 1)], row, prior, header.FilterBpp, y);
        }
        return result;
    }

    /// <summary>Sample <paramref name="i"/> of a row of packed samples at <paramref name="depth"/> bits (1, 2, 4, 8; for 16 the high byte).</summary>
    private static int Sample(ReadOnlySpan<byte> row, int i, int depth) => depth switch
    {
        8 => row[i],
        16 => row[2 * i],
        _ => (row[i * depth / 8] >> (8 - depth - (i * depth % 8))) & ((1 << depth) - 1),
    };

    private static Image ToEightBit(byte[] samples, PngHeader header)
    {
        int channels = header.Samples, depth = header.BitDepth, perRow = header.Width * channels;
        var pixels = new byte[(long)header.Width * header.Height * channels];
        var scale = depth < 8 ? 255 / ((1 << depth) - 1) : 1;
        for (var y = 0; y < header.Height; y++)
        {
            var row = samples.AsSpan(y * header.Stride, header.Stride);
            for (var i = 0; i < perRow; i++) pixels[y * perRow + i] = (byte)(Sample(row, i, depth) * scale);
        }
        return new Image(header.Width, header.Height, channels, pixels);
    }

    private static Image ApplyPalette(byte[] samples, PngHeader header, byte[]? palette, byte[]? transparency)
    {
        if (palette is null) throw new InvalidDataException("PNG: palette image (colour type 3) without a PLTE chunk");
        if (palette.Length % 3 != 0 || palette.Length == 0 || palette.Length > 768)
            throw new InvalidDataException($"PNG: PLTE holds {palette.Length} bytes; it must hold 1 to 256 RGB entries (a multiple of 3)");
        var entries = palette.Length / 3;
        var channels = transparency is null ? 3 : 4;
        var pixels = new byte[(long)header.Width * header.Height * channels];
        for (var y = 0; y < header.Height; y++)
        {
            var row = samples.AsSpan(y * header.Stride, header.Stride);
            for (var x = 0; x < header.Width; x++)
            {
                var index = Sample(row, x, header.BitDepth);
                if (index >= entries)
                    throw new InvalidDataException($"PNG: pixel ({x}, {y}) uses palette index {index}, but PLTE has {entries} entries");
                var o = (y * header.Width + x) * channels;
                palette.AsSpan(index * 3, 3).CopyTo(pixels.AsSpan(o, 3));
                if (channels == 4) pixels[o + 3] = index < transparency!.Length ? transparency[index] : (byte)255;
            }
        }
        return new Image(header.Width, header.Height, channels, pixels);
    }
}
