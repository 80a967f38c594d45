using System.Globalization;
using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>Shapes and values of tensors as the messages of a check write them.</summary>
internal static class TensorText
{
    /// <summary>The values of <paramref name="t"/> as doubles, row-major (any dtype; detached, on the CPU).</summary>
    public static double[] Values(Tensor t)
    {
        using var cpu = t.detach().to(float64, CPU);
        return cpu.ToArray<double>();
    }

    /// <summary>"[2, 3]", or "[] (a scalar)" for a zero-dimensional shape.</summary>
    public static string Shape(long[] shape) =>
        shape.Length == 0 ? "[] (a scalar)" : $"[{string.Join(", ", shape)}]";

    public static string Shape(Tensor t) => Shape(t.shape);

    /// <summary>Up to <paramref name="count"/> values with 5 significant digits, e.g. "[0.5, -1.25, …]".</summary>
    public static string List(Tensor t, int count = 8) => List(Values(t), count);

    public static string List(IReadOnlyList<double> values, int count = 8)
    {
        var shown = values.Take(count).Select(Number);
        return $"[{string.Join(", ", shown)}{(values.Count > count ? ", …" : "")}]";
    }

    /// <summary>5 significant digits; -0 is written 0.</summary>
    public static string Number(double v) => (v == 0 ? 0.0 : v).ToString("G5", CultureInfo.InvariantCulture);

    /// <summary>"mu [2, 3] float32, logvar [2, 3] float32".</summary>
    public static string Arguments(IReadOnlyList<string> names, IReadOnlyList<Tensor> inputs, ScalarType dtype) =>
        string.Join(", ", names.Zip(inputs, (n, t) => $"{n} {Shape(t)} {dtype.Name()}"));
}
