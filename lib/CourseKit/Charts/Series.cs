using static CourseKit.torch;

namespace CourseKit.Charts;

/// <summary>A named sequence of (x, y) points for a line chart, e.g. a loss curve over steps.</summary>
public sealed record Series
{
    /// <summary>Points (X[i], Y[i]); both lists have the same length.</summary>
    public Series(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
            throw new ArgumentException($"Series '{name}': {x.Count} x values but {y.Count} y values");
        Name = name;
        X = x;
        Y = y;
    }

    /// <summary>Values at x = 0, 1, 2, ... (steps).</summary>
    public Series(string name, IReadOnlyList<double> y) : this(name, Enumerable.Range(0, y.Count).Select(i => (double)i).ToArray(), y) { }

    /// <summary>Values at x = 0, 1, 2, ... from a 1-D tensor (N).</summary>
    public Series(string name, Tensor y) : this(name, Values(y, name)) { }

    public string Name { get; }

    public IReadOnlyList<double> X { get; }

    public IReadOnlyList<double> Y { get; }

    private static double[] Values(Tensor t, string name)
    {
        if (t.dim() != 1) throw new ArgumentException($"Series '{name}': expected a 1-D tensor (N), got shape [{string.Join(", ", t.shape)}]");
        using var d = t.detach();
        using var c = d.to(ScalarType.Float64, CPU);
        return c.ToArray<double>();
    }

    /// <summary>
    /// Exponential moving average with bias correction, as TensorBoard's smoothing slider:
    /// m_t = a m_{t-1} + (1 - a) y_t, m_0 = 0, shown value m_t / (1 - a^t) (the correction of
    /// Kingma and Ba 2015, Adam, section 3). Non-finite values are skipped.
    /// </summary>
    public static double[] Smooth(IReadOnlyList<double> y, double a)
    {
        if (a is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(a), $"smoothing must be in [0, 1), got {a}");
        var result = new double[y.Count];
        double m = 0, weight = 0;
        for (var i = 0; i < y.Count; i++)
        {
            if (double.IsFinite(y[i]))
            {
                m = a * m + (1 - a) * y[i];
                weight = a * weight + (1 - a);
            }
            result[i] = weight > 0 ? m / weight : double.NaN;
        }
        return result;
    }
}
