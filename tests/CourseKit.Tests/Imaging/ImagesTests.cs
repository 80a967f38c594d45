using CourseKit.Imaging;

namespace CourseKit.Tests.Imaging;

public sealed class ImagesTests
{
    [Fact]
    public void ValuesMapLinearlyFromTheRangeAndAreClamped()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new[] { -2.0f, -1, 0, 0.5f, 1, 3 }).reshape(2, 3);   // (H, W)
        var image = Images.FromTensor(t, (-1, 1));
        Assert.Equal((3, 2, 1), (image.Width, image.Height, image.Channels));
        Assert.Equal(new byte[] { 0, 0, 128, 191, 255, 255 }, image.Pixels);
        Assert.Equal(new byte[] { 0, 0, 0, 128, 255, 255 }, Images.FromTensor(t, (0, 1)).Pixels);
    }

    [Fact]
    public void ChannelFirstRgbBecomesInterleaved()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new[] { 1.0f, 0, 0, 0, 0, 1 }).reshape(3, 1, 2);   // (C, H, W): R = [1, 0], G = [0, 0], B = [0, 1]
        var image = Images.FromTensor(t);
        Assert.Equal(3, image.Channels);
        Assert.Equal(new byte[] { 255, 0, 0, 0, 0, 255 }, image.Pixels);
        Assert.Equal(1, Images.FromTensor(t[0..1]).Channels);
    }

    [Fact]
    public void WrongShapesAndRangesAreRefusedWithTheShape()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => Images.FromTensor(zeros(2, 4, 4)));
        Assert.Contains("[2, 4, 4]", e.Message);
        Assert.Contains("Images.FromTensor", e.Message);
        Assert.Throws<ArgumentException>(() => Images.FromTensor(zeros(4, 4), (1, 1)));
        Assert.Contains("[4, 4]", Assert.Throws<ArgumentException>(() => Images.Grid(zeros(4, 4))).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Images.Grid(zeros(0, 1, 4, 4))).Message);
    }

    [Fact]
    public void UpscaleRepeatsEachPixelAsABlock()
    {
        var image = new Image(2, 1, 1, [10, 20]);
        var big = image.Upscale(3);
        Assert.Equal((6, 3), (big.Width, big.Height));
        Assert.Equal(new byte[] { 10, 10, 10, 20, 20, 20 }, big.Pixels[..6]);
        Assert.Equal(big.Pixels[..6], big.Pixels[12..]);
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Upscale(0));
    }

    [Fact]
    public void GridOfMnistSizedImagesIsUpscaledToAtLeast56Pixels()
    {
        using var scope = NewDisposeScope();
        var grid = Images.Grid(rand(10, 1, 28, 28), columns: 4, padding: 2);   // 3 rows, 4 columns, x2
        Assert.Equal((4 * 56 + 5 * 2, 3 * 56 + 4 * 2, 1), (grid.Width, grid.Height, grid.Channels));
        Assert.Equal(128, grid.Pixel(0, 0)[0]);                              // padding: middle of (0, 1)
        Assert.Equal(128, grid.Pixel(grid.Width - 1, grid.Height - 1)[0]);  // the empty cells of the last row too
    }

    [Fact]
    public void LabelsAddMarginsOnTheLeftAndOnTop()
    {
        using var scope = NewDisposeScope();
        var batch = ones(6, 3, 5, 5);                                     // (B, C, H, W), white
        var grid = Images.Grid(batch, columns: 3, padding: 1, padValue: 0, rowLabels: ["a", "long"], columnLabels: ["x", "y", "z"], scale: 1);
        int left = grid.Width - (3 * 5 + 4), top = grid.Height - (2 * 5 + 3);
        Assert.True(left > 10 && top > 8, $"label margins {left} x {top} pixels");
        Assert.Equal(3, grid.Channels);
        Assert.Equal(new byte[] { 0, 0, 0 }, grid.Pixel(left, top).ToArray());             // padding
        Assert.Equal(new byte[] { 255, 255, 255 }, grid.Pixel(left + 1, top + 1).ToArray()); // first image
        var ink = Enumerable.Range(0, left).Count(x => Enumerable.Range(top, grid.Height - top).Any(y => grid.Pixel(x, y)[0] < 128));
        Assert.True(ink > 5, "row labels are drawn in the left margin");
        var grays = Enumerable.Range(0, left).SelectMany(x => Enumerable.Range(top, grid.Height - top).Select(y => grid.Pixel(x, y)[0])).Distinct().Count();
        Assert.True(grays > 8, $"labels are anti-aliased (found {grays} gray levels)");
    }

    [Fact]
    public void ColumnLabelsOfMnistSizedImagesShowWhole()
    {
        using var scope = NewDisposeScope();
        var grid = Images.Grid(zeros(8, 1, 28, 28), columns: 8, columnLabels: Enumerable.Range(0, 8).Select(d => $"said {d}").ToArray());
        var top = grid.Height - (2 * 28 + 2 * 2);
        // The ink of the first label spans its whole width: "said 0" at 13 px is about 40 pixels wide.
        var inked = Enumerable.Range(0, 2 + 56).Where(x => Enumerable.Range(0, top).Any(y => grid.Pixel(x, y)[0] < 100)).ToArray();
        Assert.True(inked.Length > 0 && inked[^1] - inked[0] > 30, $"the label's ink spans {(inked.Length == 0 ? 0 : inked[^1] - inked[0])} pixels");
    }

    [Fact]
    public void LabelCountsMustMatchTheGrid()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => Images.Grid(rand(5, 1, 4, 4), columns: 2, rowLabels: ["a", "b"]));
        Assert.Contains("2 row labels for 3 rows", e.Message);
        Assert.Throws<ArgumentException>(() => Images.Grid(rand(5, 1, 4, 4), columns: 2, columnLabels: ["a"]));
    }
}
