using static CourseKit.torch;

namespace CourseKit.Imaging;

/// <summary>Reads a tensor's values into managed memory for drawing (detached, on the CPU, as float64).</summary>
internal static class TensorPixels
{
    /// <summary>The values of <paramref name="t"/> in row-major order and its shape.</summary>
    public static (double[] Values, long[] Shape) Read(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        using var detached = t.detach();
        using var cpu = detached.to(ScalarType.Float64, CPU);
        using var contiguous = cpu.contiguous();
        return (contiguous.ToArray<double>(), contiguous.shape);
    }

    /// <summary>Maps v from [lo, hi] to 0..255, clamping outside values; NaN becomes 0.</summary>
    public static byte ToByte(double v, double lo, double hi)
    {
        var u = (v - lo) / (hi - lo) * 255.0;
        return double.IsNaN(u) ? (byte)0 : (byte)Math.Clamp(Math.Round(u), 0, 255);
    }

    public static void CheckRange((double lo, double hi) range, string op)
    {
        if (!(range.hi > range.lo) || !double.IsFinite(range.lo) || !double.IsFinite(range.hi))
            throw new ArgumentException($"{op}: the value range must be finite with lo < hi, got ({range.lo}, {range.hi})", nameof(range));
    }
}
