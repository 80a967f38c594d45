using System.Buffers.Binary;
using CourseKit.Imaging;

namespace CourseKit.Tests.Imaging;

public sealed class ApngTests
{
    private static readonly Image[] Frames = Enumerable.Range(0, 4).Select(i => TestImages.Random(16, 9, 1, seed: i)).ToArray();

    [Fact]
    public void ChunksComeInTheApngOrderWithConsecutiveSequenceNumbers()
    {
        var chunks = PngChunks.Read(Apng.Encode(Frames, delayMs: 150, loops: 2));
        Assert.Equal(["IHDR", "acTL", "fcTL", "IDAT", "fcTL", "fdAT", "fcTL", "fdAT", "fcTL", "fdAT", "IEND"], chunks.Select(c => c.Type));
        var actl = chunks[1].Data;
        Assert.Equal(4u, BinaryPrimitives.ReadUInt32BigEndian(actl));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(actl.AsSpan(4)));
        var sequence = chunks.Where(c => c.Type is "fcTL" or "fdAT").Select(c => BinaryPrimitives.ReadUInt32BigEndian(c.Data)).ToArray();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (uint)i), sequence);
        foreach (var fctl in chunks.Where(c => c.Type == "fcTL").Select(c => c.Data))
        {
            Assert.Equal(26, fctl.Length);
            Assert.Equal(16u, BinaryPrimitives.ReadUInt32BigEndian(fctl.AsSpan(4)));
            Assert.Equal(9u, BinaryPrimitives.ReadUInt32BigEndian(fctl.AsSpan(8)));
            Assert.Equal((ushort)150, BinaryPrimitives.ReadUInt16BigEndian(fctl.AsSpan(20)));
            Assert.Equal((ushort)1000, BinaryPrimitives.ReadUInt16BigEndian(fctl.AsSpan(22)));
        }
    }

    [Fact]
    public void EveryFrameDecodesFromItsFdatData()
    {
        var chunks = PngChunks.Read(Apng.Encode(Frames));
        Assert.Equal(Frames[0].Pixels, PngDecoder.Decode(Apng.Encode(Frames)).Pixels);
        var fdats = chunks.Where(c => c.Type == "fdAT").ToArray();
        for (var i = 0; i < fdats.Length; i++)
        {
            var png = RawPng.File(chunks[0].Data, ("IDAT", fdats[i].Data[4..]));
            Assert.Equal(Frames[i + 1].Pixels, Image.FromPng(png).Pixels);
        }
    }

    [Fact]
    public void FramesOfDifferentSizesAreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Apng.Encode([TestImages.Random(4, 4, 1, 1), TestImages.Random(5, 4, 1, 1)]));
        Assert.Contains("same size", e.Message);
        Assert.Throws<ArgumentException>(() => Apng.Encode([]));
    }

    [Fact]
    public void AnimationOfTensorBatchesGivesAStripAndAnApng()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        var steps = Enumerable.Range(0, 3).Select(_ => rand(4, 1, 8, 8)).ToArray();   // (B, C, H, W) per step
        var animation = Animation.FromBatches(steps, columns: 2, delayMs: 80, labels: ["t=2", "t=1", "t=0"], scale: 1);
        var grid = animation.Frames[0];
        Assert.Equal((2 * 8 + 3 * 2, 2 * 8 + 3 * 2), (grid.Width, grid.Height));
        var strip = animation.ToStrip(padding: 4);
        Assert.Equal(3 * grid.Width + 4 * 4, strip.Width);
        Assert.InRange(strip.Height - (grid.Height + 2 * 4), 10, 24);   // the label band above frame and padding
        Assert.Equal(3, PngChunks.Read(animation.ToPng()).Count(c => c.Type == "fcTL"));
    }
}
