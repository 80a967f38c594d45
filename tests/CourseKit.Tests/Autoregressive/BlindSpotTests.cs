using CourseKit.Models;

namespace CourseKit.Tests.Autoregressive;

/// <summary>
/// The blind spot of stacked raster masks (van den Oord et al. 2016, "Conditional Image Generation
/// with PixelCNN Decoders", figure 1) and its removal by the vertical and horizontal stacks. Output
/// pixel (14, 14) of a 28 x 28 image, 7 x 7 first layer and five 3 x 3 layers in both models: in the
/// row above, PixelCNN reaches columns up to 14 + 3 = 17 and never further however deep it is (a path
/// can step up-right only by leaving that row), while the Gated PixelCNN's vertical stack reaches
/// columns 14 ± (3 + 5) = 6 .. 22.
/// </summary>
public sealed class BlindSpotTests
{
    private const long Row = 14, Column = 14, Side = 28;

    [Fact]
    public void PixelCnnMissesPixelsAboveRightThatComeBefore()
    {
        manual_seed(4);
        using var model = new PixelCnn(new PixelCnnSettings { Channels = 8, Layers = 5 }).to(float64);
        using var field = ReceptiveField.Of(model, Side, Side, Row, Column);          // (28, 28)
        for (var c = 18; c < Side; c++)
            Assert.Equal(0.0, field[Row - 1, c].item<double>());                       // earlier pixel, never seen
        for (var c = Column - 3; c <= Column + 3; c++)
            Assert.True(field[Row - 1, c].item<double>() > 0, $"PixelCNN should see ({Row - 1}, {c})");
    }

    [Fact]
    public void GatedPixelCnnSeesTheWholeRowAboveWithinItsReach()
    {
        manual_seed(5);
        using var model = new GatedPixelCnn(new PixelCnnSettings { Channels = 8, Layers = 5 }).to(float64);
        using var field = ReceptiveField.Of(model, Side, Side, Row, Column);          // (28, 28)
        for (var c = Column - 8; c <= Column + 8; c++)
            Assert.True(field[Row - 1, c].item<double>() > 0, $"Gated PixelCNN should see ({Row - 1}, {c})");
        for (var c = Column - 8; c < Column; c++)
            Assert.True(field[Row, c].item<double>() > 0, $"Gated PixelCNN should see ({Row}, {c})");
        Assert.Equal(0.0, field[Row - 1, Column + 9].item<double>());                  // beyond the kernels' reach
    }

    [Fact]
    public void BlindSpotCountsDiffer()
    {
        // Earlier pixels within the Gated model's reach (rows 14-8..13, columns 6..22) that each model misses.
        manual_seed(6);
        using var pixel = new PixelCnn(new PixelCnnSettings { Channels = 8, Layers = 5 }).to(float64);
        using var gated = new GatedPixelCnn(new PixelCnnSettings { Channels = 8, Layers = 5 }).to(float64);
        using var a = ReceptiveField.Of(pixel, Side, Side, Row, Column);
        using var b = ReceptiveField.Of(gated, Side, Side, Row, Column);
        int missedByPixel = 0, missedByGated = 0;
        for (var r = Row - 8; r < Row; r++)
            for (var c = Column - 8; c <= Column + 8; c++)
            {
                if (a[r, c].item<double>() == 0) missedByPixel++;
                if (b[r, c].item<double>() == 0) missedByGated++;
            }
        Assert.Equal(0, missedByGated);
        Assert.True(missedByPixel >= 5, $"PixelCNN's blind spot should cover at least the 5 pixels (13, 18..22), it misses {missedByPixel}");
    }
}
