namespace CourseKit.Charts;

/// <summary>
/// Colours: a categorical palette for series and classes (the ten colours of D3's category10,
/// also plotly.js's default colorway), and the viridis colour map for values (van der Walt and
/// Smith, matplotlib 2.0, 2015), interpolated linearly in RGB between nine of its published
/// samples at 0, 1/8, ..., 1.
/// </summary>
public static class Palette
{
    private static readonly Rgba[] Category =
        [.. new[] { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" }.Select(Rgba.Hex)];

    private static readonly Rgba[] ViridisAnchors =
        [.. new[] { "#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725" }.Select(Rgba.Hex)];

    /// <summary>The colour of series or class <paramref name="index"/> (cycling after ten).</summary>
    public static Rgba Series(int index) => Category[((index % Category.Length) + Category.Length) % Category.Length];

    /// <summary>Viridis at <paramref name="t"/> in [0, 1] (clamped): dark purple at 0, yellow at 1.</summary>
    public static Rgba Viridis(double t)
    {
        var u = Math.Clamp(double.IsNaN(t) ? 0 : t, 0, 1) * (ViridisAnchors.Length - 1);
        var i = Math.Min((int)u, ViridisAnchors.Length - 2);
        var f = u - i;
        Rgba a = ViridisAnchors[i], b = ViridisAnchors[i + 1];
        return new Rgba(Lerp(a.R, b.R, f), Lerp(a.G, b.G, f), Lerp(a.B, b.B, f));
    }

    /// <summary>The anchors as a plotly.js colorscale: [[0, "#440154"], [0.125, ...], ..., [1, "#fde725"]].</summary>
    internal static IEnumerable<(double Position, string Colour)> ViridisScale() =>
        ViridisAnchors.Select((c, i) => (i / (double)(ViridisAnchors.Length - 1), c.ToHex()));

    private static byte Lerp(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);
}
