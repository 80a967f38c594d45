using System.Buffers.Binary;
using CourseKit.Imaging;

namespace CourseKit.Tests.Imaging;

/// <summary>
/// PNGs written by CourseKit are read by decode_png.py, a separate reader on Python's zlib and
/// struct written from the PNG specification; the pixels must match exactly.
/// </summary>
public sealed class IndependentDecoderTests : IDisposable
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Imaging", "decode_png.py");
    private readonly string folder = Directory.CreateTempSubdirectory("coursekit-png-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Writes <paramref name="png"/>, decodes it in Python; returns the chunk list and the image.</summary>
    private (string Chunks, Image Image) DecodeInPython(byte[] png)
    {
        var input = Path.Combine(folder, "in.png");
        var output = Path.Combine(folder, "out.raw");
        File.WriteAllBytes(input, png);
        var (code, text) = PythonFactAttribute.Run(Script, input, output);
        Assert.True(code == 0, $"decode_png.py failed ({code}):\n{text}");
        var raw = File.ReadAllBytes(output);
        var w = (int)BinaryPrimitives.ReadUInt32BigEndian(raw);
        var h = (int)BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(4));
        var c = (int)BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(8));
        return (text.Trim(), new Image(w, h, c, raw[12..]));
    }

    [PythonFact]
    public void PixelsMatchForEveryColourTypeAndOddSizes()
    {
        foreach (var channels in new[] { 1, 2, 3, 4 })
            foreach (var (w, h) in new[] { (1, 1), (3, 5), (37, 29) })
            {
                var image = channels % 2 == 0 ? TestImages.Random(w, h, channels, seed: w + channels) : TestImages.Smooth(w, h, channels, seed: h);
                var (_, decoded) = DecodeInPython(image.ToPng());
                Assert.Equal((w, h, channels), (decoded.Width, decoded.Height, decoded.Channels));
                Assert.Equal(image.Pixels, decoded.Pixels);
            }
    }

    [PythonFact]
    public void AnimatedPngShowsItsFirstFrameToAPlainDecoder()
    {
        var frames = Enumerable.Range(0, 3).Select(i => TestImages.Smooth(20, 10, 3, seed: i)).ToArray();
        var (chunks, decoded) = DecodeInPython(Apng.Encode(frames, delayMs: 100));
        Assert.Equal("IHDR acTL fcTL IDAT fcTL fdAT fcTL fdAT IEND", chunks);
        Assert.Equal(frames[0].Pixels, decoded.Pixels);
    }
}
