using CourseKit.Data;
using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// Inputs of checks, in float64, made without touching libtorch's global generator (a check must
/// not change the random numbers of the notebook around it): literal rows, or SplitMix64 draws
/// from a fixed seed.
/// </summary>
internal static class FixedInputs
{
    /// <summary>A (rows, columns) tensor from literal rows of equal length.</summary>
    public static Tensor Rows(params double[][] rows)
    {
        var columns = rows[0].Length;
        if (rows.Any(r => r.Length != columns)) throw new ArgumentException("FixedInputs.Rows: rows differ in length");
        return tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, columns], float64);
    }

    /// <summary>Uniform values on [low, high) from <paramref name="seed"/>.</summary>
    public static Tensor Uniform(ulong seed, double low, double high, params long[] shape) =>
        tensor(Draw(seed, shape).Select(u => low + (high - low) * u).ToArray(), shape, float64);

    /// <summary>0/1 values, each 1 with probability <paramref name="p"/>, from <paramref name="seed"/>.</summary>
    public static Tensor Binary(ulong seed, double p, params long[] shape) =>
        tensor(Draw(seed, shape).Select(u => u < p ? 1.0 : 0.0).ToArray(), shape, float64);

    private static double[] Draw(ulong seed, long[] shape)
    {
        var uniforms = new float[shape.Aggregate(1L, (n, d) => n * d)];
        new SplitMix64(seed).FillUniform(uniforms);
        return uniforms.Select(u => (double)u).ToArray();
    }
}
