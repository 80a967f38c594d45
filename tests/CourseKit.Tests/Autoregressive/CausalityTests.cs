using CourseKit.Models;

namespace CourseKit.Tests.Autoregressive;

/// <summary>
/// The autoregressive property, proved with autograd at every position of a 28 x 28 input: the
/// gradient of the logit at pixel p with respect to every input pixel q &gt;= p (raster order) is
/// exactly zero, and (convolutional models) the neighbour to the left, or above in the first column, does influence it. The models run in float64, where
/// masked weights contribute exact zeros.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class CausalityTests
{
    private const long Side = 28;

    [Fact]
    public void MadeLogitsDependOnlyOnEarlierPixels()
    {
        manual_seed(1);
        using var model = new Made(new MadeSettings { HiddenSizes = [200] }).to(float64);
        CheckEveryPosition(model, neighboursSeen: false);
    }

    [Fact]
    public void PixelCnnLogitsDependOnlyOnEarlierPixels()
    {
        manual_seed(2);
        using var model = new PixelCnn(new PixelCnnSettings { Channels = 8, Layers = 3 }).to(float64);
        CheckEveryPosition(model);
    }

    [Fact]
    public void GatedPixelCnnLogitsDependOnlyOnEarlierPixels()
    {
        manual_seed(3);
        using var model = new GatedPixelCnn(new PixelCnnSettings { Channels = 8, Layers = 3 }).to(float64);
        CheckEveryPosition(model);
    }

    [Fact]
    public void ConditionalGatedPixelCnnLogitsDependOnlyOnEarlierPixels()
    {
        manual_seed(4);
        using var model = new GatedPixelCnn(new PixelCnnSettings { Channels = 8, Layers = 3, Classes = 10 }).to(float64);
        using var given = model.Given(tensor(new long[] { 7 }));             // the class bias is the same at every pixel
        CheckEveryPosition(given);
    }

    /// <summary>
    /// For all 784 output pixels (in chunks of one image row each): R_p(q) = 0 for q &gt;= p; with
    /// <paramref name="neighboursSeen"/> (the convolutional models) also R_p &gt; 0 at the left neighbour
    /// (the pixel above in column 0). MADE's hidden units connect only some pairs of pixels, so there
    /// the zeros are checked alone.
    /// </summary>
    private static void CheckEveryPosition(AutoregressiveModel model, bool neighboursSeen = true)
    {
        for (long row = 0; row < Side; row++)
        {
            var pixels = Enumerable.Range(0, (int)Side).Select(c => (row, (long)c)).ToArray();
            using var fields = ReceptiveField.All(model, Side, Side, pixels, samples: 2);   // (28, 28, 28)
            var values = fields.ToArray<double>();
            for (var k = 0; k < pixels.Length; k++)
            {
                var p = row * Side + k;
                var offset = k * Side * Side;
                for (var q = p; q < Side * Side; q++)
                    Assert.True(values[offset + q] == 0, $"{model.GetType().Name}: logit {p} depends on input {q} (gradient {values[offset + q]})");
                var neighbour = k > 0 ? p - 1 : p - Side;
                if (neighboursSeen && neighbour >= 0)
                    Assert.True(values[offset + neighbour] > 0, $"{model.GetType().Name}: logit {p} ignores its neighbour {neighbour}");
            }
        }
    }
}
