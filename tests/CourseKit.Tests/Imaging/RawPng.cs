using System.Buffers.Binary;
using System.IO.Compression;
using CourseKit.Imaging;

namespace CourseKit.Tests.Imaging;

/// <summary>Builds PNG files by hand (chosen header fields, scanlines, extra chunks) to test the decoder.</summary>
internal static class RawPng
{
    public static byte[] Header(int width, int height, int depth, int colour, int interlace = 0)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = (byte)depth;
        ihdr[9] = (byte)colour;
        ihdr[12] = (byte)interlace;
        return ihdr;
    }

    public static byte[] Zlib(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.Fastest)) z.Write(data);
        return buffer.ToArray();
    }

    /// <summary>Signature, IHDR, the chunks given (type and data), IEND.</summary>
    public static byte[] File(byte[] ihdr, params (string Type, byte[] Data)[] chunks)
    {
        using var output = new MemoryStream();
        output.Write(PngChunks.Signature);
        PngChunks.Write(output, "IHDR", ihdr);
        foreach (var (type, data) in chunks) PngChunks.Write(output, type, data);
        PngChunks.Write(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// Rows of <paramref name="pixels"/> (stride bytes each) filtered with <paramref name="filter"/>,
    /// written straight from the formulas of PNG specification section 9.2.
    /// </summary>
    public static byte[] Filtered(byte[] pixels, int stride, int bpp, int filter)
    {
        var rows = pixels.Length / stride;
        var output = new byte[rows * (stride + 1)];
        for (var y = 0; y < rows; y++)
        {
            output[y * (stride + 1)] = (byte)filter;
            for (var i = 0; i < stride; i++)
            {
                int x = pixels[y * stride + i];
                var a = i >= bpp ? pixels[y * stride + i - bpp] : 0;
                var b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
                var c = i >= bpp && y > 0 ? pixels[(y - 1) * stride + i - bpp] : 0;
                int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                var paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                var prediction = filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => paeth };
                output[y * (stride + 1) + 1 + i] = (byte)(x - prediction);
            }
        }
        return output;
    }
}
