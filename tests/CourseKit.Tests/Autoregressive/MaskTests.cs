using CourseKit.Models;

namespace CourseKit.Tests.Autoregressive;

/// <summary>The masks written out by hand, and masked weights that receive no gradient.</summary>
public sealed class MaskTests
{
    private static float[] Values(Tensor t) => t.ToArray<float>();

    [Fact]
    public void RasterMasksOfTypeAAndB()
    {
        using var a = CausalMask.Raster(3, MaskType.A);
        using var b = CausalMask.Raster(3, MaskType.B);
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 0, 0, 0, 0 }, Values(a));
        Assert.Equal(new float[] { 1, 1, 1, 1, 1, 0, 0, 0, 0 }, Values(b));
        using var a5 = CausalMask.Raster(5, MaskType.A);
        Assert.Equal(12f, a5.sum().item<float>());                            // (25 - 1) / 2 earlier pixels
    }

    [Fact]
    public void StackMasks()
    {
        using var va = CausalMask.Vertical(3, MaskType.A);
        using var vb = CausalMask.Vertical(3, MaskType.B);
        using var ha = CausalMask.Horizontal(3, MaskType.A);
        using var hb = CausalMask.Horizontal(3, MaskType.B);
        Assert.Equal(new float[] { 1, 1, 1, 0, 0, 0, 0, 0, 0 }, Values(va));
        Assert.Equal(new float[] { 1, 1, 1, 1, 1, 1, 0, 0, 0 }, Values(vb));
        Assert.Equal(new long[] { 1, 3 }, ha.shape);
        Assert.Equal(new float[] { 1, 0, 0 }, Values(ha));
        Assert.Equal(new float[] { 1, 1, 0 }, Values(hb));
    }

    [Fact]
    public void EvenKernelIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CausalMask.Raster(4, MaskType.A));
        Assert.Contains("odd", e.Message);
    }

    [Fact]
    public void MaskedWeightsGetZeroGradient()
    {
        manual_seed(11);
        using var conv = MaskedConv2d.Raster(2, 3, 5, MaskType.A);
        using var x = randn(4, 2, 9, 9);
        using var y = conv.call(x);
        Assert.Equal(new long[] { 4, 3, 9, 9 }, y.shape);
        y.sum().backward();
        using var masked = conv.weight.grad!.mul(conv.mask.eq(0));
        Assert.Equal(0f, masked.abs().sum().item<float>());
        Assert.True(conv.weight.grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void MadeConnectivityIsStrictlyTriangularEndToEnd()
    {
        // The product of the masks counts the paths from input j to output i: zero unless j < i.
        using var made = new Made(new MadeSettings { Height = 4, Width = 4, HiddenSizes = [32, 32] });
        var masks = made.modules().OfType<MaskedLinear>().Select(m => m.mask).ToArray();
        var paths = masks[0];
        for (var k = 1; k < masks.Length; k++) paths = masks[k].mm(paths);   // (D, D)
        var values = paths.ToArray<float>();
        for (var i = 0; i < 16; i++)
            for (var j = i; j < 16; j++)
                Assert.Equal(0f, values[i * 16 + j]);
    }
}
