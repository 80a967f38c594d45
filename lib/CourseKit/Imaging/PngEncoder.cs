using System.Buffers.Binary;
using System.IO.Compression;

namespace CourseKit.Imaging;

/// <summary>
/// Writes 8-bit PNG files (PNG specification, 3rd ed.): colour type 0 (gray), 4 (gray + alpha),
/// 2 (RGB) or 6 (RGBA) from the image's channel count, no interlace, per-row adaptive filtering,
/// zlib (deflate) compression through <see cref="ZLibStream"/>.
/// </summary>
public static class PngEncoder
{
    /// <summary>IDAT chunks hold at most this many bytes each.</summary>
    private const int MaxIdatLength = 1 << 16;

    /// <summary>The PNG file for <paramref name="image"/>.</summary>
    public static byte[] Encode(Image image)
    {
        using var output = new MemoryStream();
        output.Write(PngChunks.Signature);
        PngChunks.Write(output, "IHDR", Header(image.Width, image.Height, image.Channels));
        WriteSplit(output, "IDAT", CompressImageData(image));
        PngChunks.Write(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>The PNG colour type for 1..4 channels.</summary>
    internal static byte ColourType(int channels) => channels switch
    {
        1 => 0,
        2 => 4,
        3 => 2,
        _ => 6,
    };

    /// <summary>IHDR data: width, height, bit depth 8, colour type, compression 0, filter 0, interlace 0.</summary>
    internal static byte[] Header(int width, int height, int channels)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8;
        ihdr[9] = ColourType(channels);
        return ihdr;
    }

    /// <summary>The zlib stream of the filtered scanlines: what the IDAT chunks (or APNG fdAT chunks) carry.</summary>
    internal static byte[] CompressImageData(Image image)
    {
        var stride = image.Width * image.Channels;
        var prior = new byte[stride];
        var filtered = new byte[stride + 1];
        var scratch = new byte[stride];
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < image.Height; y++)
            {
                var row = image.Pixels.AsSpan(y * stride, stride);
                PngFilter.FilterBest(row, prior, image.Channels, filtered, scratch);
                zlib.Write(filtered);
                row.CopyTo(prior);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="data"/> as consecutive chunks of <paramref name="type"/>.</summary>
    private static void WriteSplit(Stream output, string type, byte[] data)
    {
        var pos = 0;
        do
        {
            var n = Math.Min(MaxIdatLength, data.Length - pos);
            PngChunks.Write(output, type, data.AsSpan(pos, n));
            pos += n;
        } while (pos < data.Length);
    }
}
