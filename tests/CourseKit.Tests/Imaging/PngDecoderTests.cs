using CourseKit.Imaging;

namespace CourseKit.Tests.Imaging;

public sealed class PngDecoderTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 3)]
    [InlineData(2, 4)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(4, 1)]
    public void EachFilterTypeIsReversed(int filter, int channels)
    {
        var image = TestImages.Random(13, 6, channels, seed: filter);
        var colour = channels switch { 1 => 0, 3 => 2, _ => 6 };
        var raw = RawPng.Filtered(image.Pixels, 13 * channels, channels, filter);
        var png = RawPng.File(RawPng.Header(13, 6, 8, colour), ("IDAT", RawPng.Zlib(raw)));
        Assert.Equal(image.Pixels, Image.FromPng(png).Pixels);
    }

    [Fact]
    public void ImageDataSplitOverManyIdatChunksIsJoined()
    {
        var image = TestImages.Random(9, 7, 3, seed: 5);
        var z = RawPng.Zlib(RawPng.Filtered(image.Pixels, 27, 3, 4));
        var parts = z.Chunk(5).Select(p => ("IDAT", p)).ToArray();
        Assert.True(parts.Length > 3);
        Assert.Equal(image.Pixels, Image.FromPng(RawPng.File(RawPng.Header(9, 7, 8, 2), parts)).Pixels);
    }

    [Fact]
    public void PaletteWithTransparencyBecomesRgba()
    {
        byte[] palette = [255, 0, 0, 0, 255, 0, 0, 0, 255];
        byte[] raw = [0, 0, 1, 2, 0, 2, 1, 0];     // two rows of filter 0 + three 8-bit indices
        var png = RawPng.File(RawPng.Header(3, 2, 8, 3), ("PLTE", palette), ("tRNS", [10, 20]), ("IDAT", RawPng.Zlib(raw)));
        var image = Image.FromPng(png);
        Assert.Equal(4, image.Channels);
        Assert.Equal(new byte[] { 255, 0, 0, 10, 0, 255, 0, 20, 0, 0, 255, 255, 0, 0, 255, 255, 0, 255, 0, 20, 255, 0, 0, 10 }, image.Pixels);
    }

    [Fact]
    public void OneBitGrayIsScaledTo255()
    {
        byte[] raw = [0, 0b1010_0000, 0, 0b0110_0000];   // 3 x 2 pixels, packed from the high bit
        var image = Image.FromPng(RawPng.File(RawPng.Header(3, 2, 1, 0), ("IDAT", RawPng.Zlib(raw))));
        Assert.Equal(new byte[] { 255, 0, 255, 0, 255, 255 }, image.Pixels);
    }

    [Fact]
    public void SixteenBitRgbKeepsTheHighByte()
    {
        byte[] raw = [0, 0x12, 0x34, 0xAB, 0xCD, 0xFF, 0x00];
        var image = Image.FromPng(RawPng.File(RawPng.Header(1, 1, 16, 2), ("IDAT", RawPng.Zlib(raw))));
        Assert.Equal(new byte[] { 0x12, 0xAB, 0xFF }, image.Pixels);
    }

    [Fact]
    public void BadSignatureIsNamed()
    {
        var png = TestImages.Random(2, 2, 1, 1).ToPng();
        png[1] = (byte)'X';
        Assert.Contains("signature", Assert.Throws<InvalidDataException>(() => Image.FromPng(png)).Message);
        Assert.Contains("signature", Assert.Throws<InvalidDataException>(() => Image.FromPng([1, 2, 3])).Message);
    }

    [Theory]
    [InlineData("IHDR")]
    [InlineData("IDAT")]
    [InlineData("IEND")]
    public void CorruptedChunkFailsItsCrcAndIsNamed(string type)
    {
        var png = TestImages.Random(5, 5, 3, 2).ToPng();
        var at = IndexOf(png, type) + 4;       // the first data byte (for IEND: the CRC itself)
        png[at] ^= 0x40;
        var e = Assert.Throws<InvalidDataException>(() => Image.FromPng(png));
        Assert.Contains("CRC", e.Message);
        Assert.Contains($"'{type}'", e.Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(60)]
    public void TruncatedFileIsReported(int keep)
    {
        var png = TestImages.Random(8, 8, 3, 3).ToPng();
        var e = Assert.Throws<InvalidDataException>(() => Image.FromPng(png[..keep]));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void ImageDataShorterThanTheHeaderSaysIsReported()
    {
        var png = RawPng.File(RawPng.Header(4, 4, 8, 0), ("IDAT", RawPng.Zlib(new byte[10])));
        Assert.Contains("truncated image data", Assert.Throws<InvalidDataException>(() => Image.FromPng(png)).Message);
    }

    [Theory]
    [InlineData(8, 5, 0, "colour type 5")]
    [InlineData(3, 2, 0, "bit depth 3")]
    [InlineData(16, 3, 0, "bit depth 16")]
    [InlineData(8, 2, 1, "interlace")]
    public void UnsupportedHeaderIsRefused(int depth, int colour, int interlace, string expected)
    {
        var png = RawPng.File(RawPng.Header(2, 2, depth, colour, interlace), ("IDAT", RawPng.Zlib(new byte[40])));
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => Image.FromPng(png)).Message);
    }

    [Fact]
    public void InvalidFilterTypeNamesTheRow()
    {
        byte[] raw = [0, 1, 2, 7, 3, 4];
        var png = RawPng.File(RawPng.Header(2, 2, 8, 0), ("IDAT", RawPng.Zlib(raw)));
        var e = Assert.Throws<InvalidDataException>(() => Image.FromPng(png));
        Assert.Contains("row 1", e.Message);
        Assert.Contains("filter type 7", e.Message);
    }

    [Fact]
    public void CorruptZlibStreamAndMissingDataAreReported()
    {
        var garbage = RawPng.File(RawPng.Header(2, 2, 8, 0), ("IDAT", [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF]));
        Assert.Contains("IDAT", Assert.Throws<InvalidDataException>(() => Image.FromPng(garbage)).Message);
        var empty = RawPng.File(RawPng.Header(2, 2, 8, 0));
        Assert.Contains("no IDAT", Assert.Throws<InvalidDataException>(() => Image.FromPng(empty)).Message);
        var noPalette = RawPng.File(RawPng.Header(2, 2, 8, 3), ("IDAT", RawPng.Zlib(new byte[6])));
        Assert.Contains("PLTE", Assert.Throws<InvalidDataException>(() => Image.FromPng(noPalette)).Message);
    }

    private static int IndexOf(byte[] data, string type)
    {
        var needle = System.Text.Encoding.ASCII.GetBytes(type);
        return data.AsSpan().IndexOf(needle);
    }
}
