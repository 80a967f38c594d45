namespace CourseKit.Tests;

/// <summary>
/// Bad input raises a managed exception that names what was wrong, and the process (a student's
/// notebook kernel) keeps working afterwards.
/// </summary>
public sealed class ErrorTests
{
    [Fact]
    public void ShapeMismatchNamesOperatorAndShapes()
    {
        using var a = zeros(2, 3);
        using var b = zeros(4, 5);
        var e = Assert.Throws<TorchException>(() => a.matmul(b));
        Assert.StartsWith("aten::matmul(Tensor[2, 3] float32, Tensor[4, 5] float32) failed:", e.Message);
        Assert.Contains("2x3 and 4x5", e.Message);
        StillWorks();
    }

    [Fact]
    public void DtypeMismatchNamesOperatorAndDtypes()
    {
        using var a = ones(2, 2);
        using var b = ones(new long[] { 2, 2 }, ScalarType.Int64);
        var e = Assert.Throws<TorchException>(() => a.mm(b));
        Assert.Contains("aten::mm(Tensor[2, 2] float32, Tensor[2, 2] int64)", e.Message);
        var read = Assert.Throws<ArgumentException>(() => b.ToArray<float>());
        Assert.Contains("holds int64, not float32", read.Message);
        StillWorks();
    }

    [Fact]
    public void UnknownDeviceIsRejected()
    {
        using var a = ones(2);
        var e = Assert.Throws<ArgumentException>(() => a.to(device("tpu")));
        Assert.Contains("unknown device 'tpu'", e.Message);
        Assert.Throws<ArgumentException>(() => device("cuda:x"));
        StillWorks();
    }

    [Fact]
    public void CudaWithoutGpuRaisesNotAborts()
    {
        if (cuda.is_available()) return;
        using var a = ones(2);
        var e = Assert.Throws<InvalidOperationException>(() => a.to(CUDA));   // checked before libtorch's dispatcher sees it
        Assert.StartsWith("CUDA is not available: this CourseKit bridge was built against a CPU-only libtorch", e.Message);
        StillWorks();
    }

    [Fact]
    public void DisposedTensorNamesTheOperator()
    {
        var a = ones(3);
        using var b = ones(3);
        a.Dispose();
        var e = Assert.Throws<ObjectDisposedException>(() => b.add(a));
        Assert.Contains("aten::add: argument 1 is a tensor that was disposed", e.Message);
        Assert.Throws<ObjectDisposedException>(() => a.shape);
        Assert.Equal("Tensor(disposed)", a.ToString());
        StillWorks();
    }

    [Fact]
    public void TensorCreatedInScopeIsDisposedWithIt()
    {
        Tensor kept, dropped;
        using (NewDisposeScope())
        {
            dropped = ones(2);
            kept = ones(2).MoveToOuterDisposeScope();
        }
        Assert.True(dropped.IsInvalid);
        Assert.False(kept.IsInvalid);
        kept.Dispose();
    }

    [Fact]
    public void BackwardOfNonScalarExplainsWhatIsMissing()
    {
        using var x = ones(new long[] { 3 }, requires_grad: true);
        using var y = x * 2;
        var e = Assert.Throws<TorchException>(() => y.backward());
        Assert.Contains("backward(Tensor[3] float32 requires_grad)", e.Message);
        Assert.Contains("scalar", e.Message);
        StillWorks();
    }

    [Fact]
    public void WrongArgumentCountIsReported()
    {
        using var a = ones(2, 3);
        var e = Assert.Throws<TorchException>(() => a.reshape(4, 4));
        Assert.Contains("aten::reshape(Tensor[2, 3] float32, [4, 4])", e.Message);
        Assert.Contains("invalid for input of size 6", e.Message);
    }

    private static void StillWorks()
    {
        using var x = tensor(new float[] { 1, 2 });
        using var y = x * 3;
        Assert.Equal(new float[] { 3, 6 }, y.ToArray<float>());
    }
}
