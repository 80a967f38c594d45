using System.Buffers.Binary;
using System.Text;

namespace CourseKit.Imaging;

/// <summary>One PNG chunk: a four-letter type and its data (PNG specification, section 5.3).</summary>
public readonly record struct PngChunk(string Type, byte[] Data);

/// <summary>
/// The PNG container (PNG specification, sections 5.2-5.3): the 8-byte signature, then chunks,
/// each a big-endian length, a type, the data and the CRC-32 of type and data.
/// </summary>
public static class PngChunks
{
    /// <summary>137 'P' 'N' 'G' CR LF SUB LF.</summary>
    public static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Appends one chunk (length, type, data, CRC) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, string type, ReadOnlySpan<byte> data)
    {
        if (type.Length != 4) throw new ArgumentException($"PNG chunk type must have 4 letters, got '{type}'", nameof(type));
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, typeBytes);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, typeBytes), data)));
        output.Write(word);
    }

    /// <summary>
    /// Splits a PNG file into its chunks, up to and including IEND, checking the signature and every CRC.
    /// </summary>
    /// <exception cref="InvalidDataException">Bad signature, a chunk cut short, a CRC mismatch (naming the chunk) or no IEND.</exception>
    public static List<PngChunk> Read(ReadOnlySpan<byte> png)
    {
        if (png.Length < 8 || !png[..8].SequenceEqual(Signature))
            throw new InvalidDataException("PNG: bad signature: the data does not start with the 8 PNG signature bytes (137 P N G \\r \\n 26 \\n)");
        var chunks = new List<PngChunk>();
        var pos = 8;
        while (true)
        {
            if (png.Length - pos < 12)
                throw new InvalidDataException($"PNG: truncated: {png.Length - pos} bytes left at offset {pos}, where a chunk header needs 12" +
                                               (chunks.Count == 0 ? "" : $" (after chunk {chunks.Count - 1} '{chunks[^1].Type}'; no IEND)"));
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            var typeBytes = png.Slice(pos + 4, 4);
            var type = Encoding.ASCII.GetString(typeBytes);
            foreach (var b in typeBytes)
                if (!char.IsAsciiLetter((char)b))
                    throw new InvalidDataException($"PNG: chunk {chunks.Count} at offset {pos} has an invalid type (bytes {Convert.ToHexString(typeBytes)})");
            if (length > int.MaxValue || png.Length - pos - 12 < length)
                throw new InvalidDataException($"PNG: truncated: chunk {chunks.Count} '{type}' at offset {pos} declares {length} data bytes, but only {Math.Max(0, png.Length - pos - 12)} remain before its CRC");
            var data = png.Slice(pos + 8, (int)length);
            var stored = BinaryPrimitives.ReadUInt32BigEndian(png[(pos + 8 + (int)length)..]);
            var actual = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, typeBytes), data));
            if (stored != actual)
                throw new InvalidDataException($"PNG: bad CRC in chunk {chunks.Count} '{type}' at offset {pos}: stored 0x{stored:X8}, computed 0x{actual:X8}");
            chunks.Add(new PngChunk(type, data.ToArray()));
            pos += 12 + (int)length;
            if (type == "IEND") return chunks;
        }
    }
}
