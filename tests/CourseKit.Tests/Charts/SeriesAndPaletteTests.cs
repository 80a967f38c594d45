using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

public sealed class SeriesAndPaletteTests
{
    [Fact]
    public void SmoothingIsTheBiasCorrectedMovingAverage()
    {
        var s = Series.Smooth([2.0, 4, 4], 0.5);
        Assert.Equal(2.0, s[0], 12);                            // m1 = 1, / (1 - 0.5)
        Assert.Equal((0.5 * 1 + 0.5 * 4) / 0.75, s[1], 12);      // m2 = 2.5, / (1 - 0.25)
        Assert.Equal([1.0, 2, 3], Series.Smooth([1.0, 2, 3], 0));
    }

    [Fact]
    public void ViridisEndsAtItsPublishedColours()
    {
        Assert.Equal("#440154", Palette.Viridis(0).ToHex());
        Assert.Equal("#21918c", Palette.Viridis(0.5).ToHex());
        Assert.Equal("#fde725", Palette.Viridis(1).ToHex());
        Assert.Equal("#fde725", Palette.Viridis(7).ToHex());
    }
}
