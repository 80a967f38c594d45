namespace CourseKit.Tests.Parity;

/// <summary>
/// Elementwise acceptance |actual - expected| &lt;= Atol + Rtol * |expected| (numpy.isclose's rule).
/// </summary>
internal readonly record struct Tolerance(double Rtol, double Atol)
{
    /// <summary>float32 ops computed by the same libtorch build: only summation order may differ.</summary>
    public static readonly Tolerance Float32 = new(1e-5, 1e-6);

    /// <summary>float64: the same kernels, ~9 more decimal digits.</summary>
    public static readonly Tolerance Float64 = new(1e-12, 1e-14);

    /// <summary>Integers, booleans and indices must match exactly.</summary>
    public static readonly Tolerance Exact = new(0, 0);

    /// <summary>
    /// float32 on a GPU: CUDA's own kernels (other reduction orders, other transcendental
    /// approximations) against the CPU goldens. TF32 must be off (NVIDIA_TF32_OVERRIDE=0): with it,
    /// cuDNN convolutions round their inputs to 10 mantissa bits and differ by about 1e-3.
    /// </summary>
    public static readonly Tolerance Float32OnCuda = new(1e-4, 1e-5);

    /// <summary>float64 on a GPU, for the same reasons as <see cref="Float32OnCuda"/>.</summary>
    public static readonly Tolerance Float64OnCuda = new(1e-10, 1e-12);

    /// <summary>The default for a dtype on the device the parity cases run on (<see cref="ParityDevice"/>).</summary>
    public static Tolerance For(string dtype) => dtype switch
    {
        "float32" => ParityDevice.IsCuda ? Float32OnCuda : Float32,
        "float64" => ParityDevice.IsCuda ? Float64OnCuda : Float64,
        _ => Exact,
    };
}

/// <summary>
/// The worst deviation seen in one comparison: absolute, relative, and the largest fraction of the
/// allowed error |a - e| / (Atol + Rtol |e|) that any element used (1 = at the limit).
/// </summary>
internal readonly record struct Deviation(double MaxAbs, double MaxRel, double MaxUsed)
{
    public static readonly Deviation Zero = new(0, 0, 0);

    public Deviation Max(Deviation other) =>
        new(Math.Max(MaxAbs, other.MaxAbs), Math.Max(MaxRel, other.MaxRel), Math.Max(MaxUsed, other.MaxUsed));

    public override string ToString() => $"max abs {MaxAbs:E2}, max rel {MaxRel:E2}, tolerance used {MaxUsed:P0}";
}

internal static class Compare
{
    /// <summary>
    /// Asserts that <paramref name="actual"/> has the golden's shape and dtype and values within
    /// <paramref name="tolerance"/>; returns the worst absolute error and the worst relative error
    /// |a - e| / |e| (over elements with |e| &gt;= 1e-6, where a relative error means something).
    /// </summary>
    public static Deviation Tensor(GoldenTensor expected, torch.Tensor actual, Tolerance tolerance, string what)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.Shape)}]");
        Assert.True(expected.Dtype == actual.dtype.Name(), $"{what}: dtype {actual.dtype.Name()}, expected {expected.Dtype}");
        using var wide = actual.to(torch.float64);
        var got = wide.ToArray<double>();
        var want = expected.Values();
        double maxAbs = 0, maxRel = 0, maxUsed = 0;
        for (var k = 0; k < want.Length; k++)
        {
            var err = Math.Abs(got[k] - want[k]);
            var allowed = tolerance.Atol + tolerance.Rtol * Math.Abs(want[k]);
            Assert.True(err <= allowed,
                $"{what}[{k}] (flat): got {got[k]:R}, expected {want[k]:R}, |diff| {err:E2} exceeds atol {tolerance.Atol:E0} + rtol {tolerance.Rtol:E0} * |expected|");
            maxAbs = Math.Max(maxAbs, err);
            if (err > 0) maxUsed = Math.Max(maxUsed, err / allowed);
            if (Math.Abs(want[k]) >= 1e-6) maxRel = Math.Max(maxRel, err / Math.Abs(want[k]));
        }
        return new Deviation(maxAbs, maxRel, maxUsed);
    }
}
