using System.Buffers.Binary;

namespace CourseKit.Imaging;

/// <summary>
/// Animated PNG (APNG specification, Mozilla, 2008; in PNG 3rd ed.): after IHDR an acTL chunk
/// (frame count, play count); each frame has an fcTL chunk (sequence number, size, offset, delay
/// as a fraction of a second, dispose and blend ops); the first frame's data is ordinary IDAT, so
/// viewers without APNG support show it as a still image; later frames are fdAT chunks (a sequence
/// number, then the same zlib data an IDAT would carry). Sequence numbers run 0, 1, 2, ... over all
/// fcTL and fdAT chunks.
/// </summary>
public static class Apng
{
    /// <summary>Frame data are split into fdAT chunks of at most this many bytes.</summary>
    private const int MaxChunkData = 1 << 16;

    /// <summary>Encodes <paramref name="frames"/> (all the same size) as one animated PNG.</summary>
    /// <param name="frames">The frames, shown in order; channel counts are unified to the largest.</param>
    /// <param name="delayMs">How long each frame is shown, in milliseconds (0..65535).</param>
    /// <param name="loops">How many times the animation plays; 0 repeats forever.</param>
    public static byte[] Encode(IReadOnlyList<Image> frames, int delayMs = 200, int loops = 0)
    {
        const string op = "Apng.Encode";
        if (frames.Count == 0) throw new ArgumentException($"{op}: no frames");
        if (delayMs is < 0 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(delayMs), $"{op}: delay must be 0..65535 ms, got {delayMs}");
        if (loops < 0) throw new ArgumentOutOfRangeException(nameof(loops), $"{op}: loops must be >= 0 (0 = forever), got {loops}");
        int w = frames[0].Width, h = frames[0].Height, channels = frames.Max(f => f.Channels);
        foreach (var f in frames)
            if (f.Width != w || f.Height != h)
                throw new ArgumentException($"{op}: all frames must have the same size; found {w} x {h} and {f.Width} x {f.Height}");

        using var output = new MemoryStream();
        output.Write(PngChunks.Signature);
        PngChunks.Write(output, "IHDR", PngEncoder.Header(w, h, channels));
        var actl = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(actl, (uint)frames.Count);
        BinaryPrimitives.WriteUInt32BigEndian(actl.AsSpan(4), (uint)loops);
        PngChunks.Write(output, "acTL", actl);
        uint sequence = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            PngChunks.Write(output, "fcTL", FrameControl(sequence++, w, h, delayMs));
            var data = PngEncoder.CompressImageData(frames[i].ConvertTo(channels));
            for (var pos = 0; pos < data.Length; pos += MaxChunkData)
            {
                var part = data.AsSpan(pos, Math.Min(MaxChunkData, data.Length - pos));
                if (i == 0)
                {
                    PngChunks.Write(output, "IDAT", part);
                    continue;
                }
                var fdat = new byte[4 + part.Length];
                BinaryPrimitives.WriteUInt32BigEndian(fdat, sequence++);
                part.CopyTo(fdat.AsSpan(4));
                PngChunks.Write(output, "fdAT", fdat);
            }
        }
        PngChunks.Write(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>fcTL data: the whole canvas, delay delayMs/1000 s, dispose op 0 (none), blend op 0 (source).</summary>
    private static byte[] FrameControl(uint sequence, int width, int height, int delayMs)
    {
        var fctl = new byte[26];
        BinaryPrimitives.WriteUInt32BigEndian(fctl, sequence);
        BinaryPrimitives.WriteUInt32BigEndian(fctl.AsSpan(4), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(fctl.AsSpan(8), (uint)height);
        BinaryPrimitives.WriteUInt16BigEndian(fctl.AsSpan(20), (ushort)delayMs);
        BinaryPrimitives.WriteUInt16BigEndian(fctl.AsSpan(22), 1000);
        return fctl;
    }
}
