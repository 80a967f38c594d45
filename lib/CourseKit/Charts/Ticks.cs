using System.Globalization;

namespace CourseKit.Charts;

/// <summary>
/// Axis tick values: "nice" steps 1, 2 or 5 times a power of ten for linear axes (Heckbert,
/// "Nice numbers for graph labels", Graphics Gems, 1990), powers of ten (with 2 and 5 between
/// when the axis spans fewer than three decades) for logarithmic ones.
/// </summary>
internal static class Ticks
{
    /// <summary>The step 1, 2 or 5 x 10^k nearest above (hi - lo) / maxTicks.</summary>
    public static double NiceStep(double lo, double hi, int maxTicks)
    {
        var raw = (hi - lo) / Math.Max(1, maxTicks);
        if (!(raw > 0) || !double.IsFinite(raw)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var norm = raw / magnitude;
        return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
    }

    /// <summary>Multiples of the nice step within [lo, hi].</summary>
    public static List<double> Linear(double lo, double hi, int maxTicks = 6)
    {
        var step = NiceStep(lo, hi, maxTicks);
        var ticks = new List<double>();
        for (var k = Math.Ceiling(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++)
            ticks.Add(Math.Abs(k * step) < step * 1e-9 ? 0 : k * step);
        return ticks;
    }

    /// <summary>Powers of ten (and 2, 5 times them on short axes) within [lo, hi], lo > 0.</summary>
    public static List<double> Log(double lo, double hi)
    {
        int first = (int)Math.Floor(Math.Log10(lo)), last = (int)Math.Ceiling(Math.Log10(hi));
        double[] multiples = last - first < 3 ? [1, 2, 5] : [1];
        var stride = Math.Max(1, (last - first) / 8);
        var ticks = new List<double>();
        for (var e = first; e <= last; e += stride)
            foreach (var m in multiples)
            {
                var v = m * Math.Pow(10, e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.Add(v);
            }
        return ticks;
    }

    /// <summary>Labels with as many decimals as the step needs; exponent notation for very large or small numbers.</summary>
    public static string Format(double v, double step)
    {
        if (v == 0) return "0";
        var a = Math.Abs(v);
        if (a >= 1e6 || a < 1e-4) return v.ToString("0.##e+0", CultureInfo.InvariantCulture);
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 6);
        return v.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    /// <summary>Labels for log-axis ticks: each value with the decimals it needs.</summary>
    public static string FormatLog(double v) => Format(v, Math.Pow(10, Math.Floor(Math.Log10(v) + 1e-9)));
}
