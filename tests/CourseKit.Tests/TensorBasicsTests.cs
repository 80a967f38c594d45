namespace CourseKit.Tests;

public sealed class TensorBasicsTests
{
    [Fact]
    public void ArithmeticBroadcastsAndRoundTrips()
    {
        using var a = tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        using var b = tensor(new float[] { 10, 20, 30 });
        using var c = a + b * 2;
        Assert.Equal(new long[] { 2, 3 }, c.shape);
        Assert.Equal(new float[] { 21, 42, 63, 24, 45, 66 }, c.ToArray<float>());
        Assert.Equal(ScalarType.Float32, c.dtype);
    }

    [Fact]
    public void ScalarIntKeepsIntegerDtype()
    {
        using var a = arange(5);
        using var b = a + 1;
        Assert.Equal(ScalarType.Int64, b.dtype);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, b.ToArray<long>());
    }

    [Fact]
    public void AutogradComputesGradients()
    {
        using var x = tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        using var y = (x * x).sum();
        y.backward();
        using var g = x.grad!;
        Assert.Equal(new float[] { 2, 4, 6 }, g.ToArray<float>());
    }

    [Fact]
    public void MatmulShapeMismatchNamesOperatorAndShapes()
    {
        using var a = zeros(2, 3);
        using var b = zeros(4, 5);
        var e = Assert.Throws<TorchException>(() => a.matmul(b));
        Assert.Contains("aten::matmul", e.Message);
        Assert.Contains("Tensor[2, 3] float32", e.Message);
        Assert.Contains("Tensor[4, 5] float32", e.Message);
        using var ok = a.matmul(zeros(3, 1));
        Assert.Equal(new long[] { 2, 1 }, ok.shape);
    }

    [Fact]
    public void ReductionOverDimensionZeroIsNotMistakenForADtype()
    {
        using var x = tensor(new float[,] { { 1, 2 }, { 3, 4 } });
        using var s = x.sum(0);
        using var m = x.mean(0);
        Assert.Equal(new float[] { 4, 6 }, s.ToArray<float>());
        Assert.Equal(new float[] { 2, 3 }, m.ToArray<float>());
    }

    [Fact]
    public void RepeatInterleaveRepeatsEachElementInARow()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[,] { { 1, 2 }, { 3, 4 } }, requires_grad: true);
        Assert.Equal(new float[] { 1, 1, 2, 2, 3, 3, 4, 4 }, x.repeat_interleave(2).ToArray<float>());         // flattened
        var rows = x.repeat_interleave(2, dim: 0);
        Assert.Equal(new long[] { 4, 2 }, rows.shape);
        Assert.Equal(new float[] { 1, 2, 1, 2, 3, 4, 3, 4 }, rows.ToArray<float>());
        var counts = x.repeat_interleave(tensor(new long[] { 1, 3 }), dim: 1);                                 // column 0 once, column 1 three times
        Assert.Equal(new float[] { 1, 2, 2, 2, 3, 4, 4, 4 }, counts.ToArray<float>());
        counts.sum().backward();
        Assert.Equal(new float[] { 1, 3, 1, 3 }, x.grad!.ToArray<float>());                                   // each element's number of copies
        Assert.Equal(new long[] { 0, 0, 0, 1, 1, 1 }, arange(2L).repeat_interleave(3).ToArray<long>());        // labels for 3 samples per class
    }
}
