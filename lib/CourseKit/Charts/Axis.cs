namespace CourseKit.Charts;

/// <summary>One axis of the plot area: the data interval [Lo, Hi] shown, linear or base-10 logarithmic.</summary>
internal sealed record Axis(double Lo, double Hi, bool Log)
{
    /// <summary>The axis coordinate of v: v itself, or log10(v) on a log axis (NaN where v &lt;= 0).</summary>
    public double Transform(double v) => Log ? (v > 0 ? Math.Log10(v) : double.NaN) : v;

    /// <summary>
    /// The axis over data from <paramref name="min"/> to <paramref name="max"/>, widened by
    /// <paramref name="pad"/> of its length on each side (in log units on a log axis); a single value
    /// gets an interval around it; no data gives [0, 1] (log: [1, 10]).
    /// </summary>
    public static Axis Fit(double min, double max, bool log, double pad)
    {
        if (!(min <= max)) return log ? new Axis(1, 10, true) : new Axis(0, 1, false);
        if (log)
        {
            double a = Math.Log10(min), b = Math.Log10(max);
            if (b - a < 1e-12) { a -= 0.5; b += 0.5; }
            var d = (b - a) * pad;
            return new Axis(Math.Pow(10, a - d), Math.Pow(10, b + d), true);
        }
        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max))) { min -= 0.5; max += 0.5; }
        var p = (max - min) * pad;
        return new Axis(min - p, max + p, false);
    }
}
