using System.Globalization;

namespace CourseKit.Charts;

/// <summary>A colour with 8-bit red, green, blue and opacity.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Parses "#rrggbb".</summary>
    public static Rgba Hex(string hex)
    {
        if (hex.Length != 7 || hex[0] != '#')
            throw new ArgumentException($"Rgba.Hex: expected a colour like #1f77b4, got '{hex}'", nameof(hex));
        var v = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new Rgba((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    /// <summary>The same colour with opacity <paramref name="alpha"/> in [0, 1].</summary>
    public Rgba WithAlpha(double alpha) => this with { A = (byte)Math.Round(Math.Clamp(alpha, 0, 1) * 255) };

    /// <summary>"#rrggbb" (opacity not included).</summary>
    public string ToHex() => $"#{R:x2}{G:x2}{B:x2}";

    /// <summary>"#rrggbb" when opaque, otherwise "rgba(r,g,b,a)": valid in SVG, CSS and plotly.js.</summary>
    public string ToCss() => A == 255 ? ToHex() : string.Create(CultureInfo.InvariantCulture, $"rgba({R},{G},{B},{A / 255.0:0.###})");

    public static readonly Rgba White = new(255, 255, 255);
    public static readonly Rgba Text = new(40, 40, 40);
    public static readonly Rgba Grid = new(228, 228, 228);
    public static readonly Rgba Axis = new(90, 90, 90);
}
