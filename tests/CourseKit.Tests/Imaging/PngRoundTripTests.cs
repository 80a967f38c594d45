using CourseKit.Imaging;

namespace CourseKit.Tests.Imaging;

public sealed class PngRoundTripTests
{
    public static TheoryData<int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var channels in new[] { 1, 2, 3, 4 })
            foreach (var (w, h) in new[] { (1, 1), (3, 5), (37, 29) })
                data.Add(w, h, channels);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RandomContentRoundTripsExactly(int width, int height, int channels)
    {
        var image = TestImages.Random(width, height, channels, seed: width * 100 + channels);
        var decoded = Image.FromPng(image.ToPng());
        Assert.Equal((width, height, channels), (decoded.Width, decoded.Height, decoded.Channels));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SmoothContentRoundTripsExactly(int width, int height, int channels)
    {
        var image = TestImages.Smooth(width, height, channels, seed: 7);
        Assert.Equal(image.Pixels, Image.FromPng(image.ToPng()).Pixels);
    }

    [Fact]
    public void LargeImageIsSplitIntoSeveralIdatChunksAndReadBack()
    {
        var image = TestImages.Random(300, 200, 4, seed: 11);
        var png = image.ToPng();
        var chunks = PngChunks.Read(png);
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        Assert.True(chunks.Count(c => c.Type == "IDAT") > 1);
        Assert.Equal(image.Pixels, Image.FromPng(png).Pixels);
    }

    [Fact]
    public void SaveAndLoadThroughAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"coursekit-png-{Guid.NewGuid():N}.png");
        try
        {
            var image = TestImages.Smooth(12, 9, 3, seed: 1);
            image.Save(path);
            Assert.Equal(image.Pixels, Image.Load(path).Pixels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SavingAsHtmlEmbedsTheImageAsADataUri()
    {
        var path = Path.Combine(Path.GetTempPath(), $"coursekit-png-{Guid.NewGuid():N}.html");
        try
        {
            var image = TestImages.Smooth(4, 4, 1, seed: 1);
            image.Save(path);
            var html = File.ReadAllText(path);
            var start = html.IndexOf("base64,", StringComparison.Ordinal) + 7;
            var data = html[start..html.IndexOf('"', start)];
            Assert.Equal(image.Pixels, Image.FromPng(Convert.FromBase64String(data)).Pixels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UnknownExtensionIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => TestImages.Smooth(2, 2, 1, 1).Save("picture.jpg"));
        Assert.Contains(".jpg", e.Message);
    }
}
