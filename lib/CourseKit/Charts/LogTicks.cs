using System.Globalization;

namespace CourseKit.Charts;

/// <summary>
/// Ticks of a base-10 logarithmic axis over [lo, hi] (data units, lo &gt; 0): labelled at 1, 2 and 5
/// times each power of ten when the axis spans at most two decades, at 1 and 3 times up to four, and
/// at the powers only beyond that; unlabelled minor ticks at every integer multiple. This is the
/// rule plotly.js follows for its log axes, so the static and the interactive chart agree.
/// </summary>
internal static class LogTicks
{
    public static (List<double> Major, List<double> Minor) Values(double lo, double hi)
    {
        var decades = Math.Log10(hi) - Math.Log10(lo);
        double[] mantissas = decades <= 2 ? [1, 2, 5] : decades <= 4 ? [1, 3] : [1];
        List<double> major = [], minor = [];
        for (var e = (int)Math.Floor(Math.Log10(lo)); e <= (int)Math.Ceiling(Math.Log10(hi)); e++)
            for (var m = 1; m <= 9; m++)
            {
                var v = m * Math.Pow(10, e);
                if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) continue;
                (mantissas.Contains(m) ? major : minor).Add(v);
            }
        return (major, minor);
    }

    /// <summary>A tick label: plain digits between 0.001 and 100,000, otherwise 1e-4 style.</summary>
    public static string Format(double v) =>
        v is >= 1e-3 and < 1e5 ? v.ToString("G4", CultureInfo.InvariantCulture) : v.ToString("0.#e0", CultureInfo.InvariantCulture);
}
