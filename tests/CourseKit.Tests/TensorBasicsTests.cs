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
}
