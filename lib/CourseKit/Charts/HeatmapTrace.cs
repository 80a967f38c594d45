using System.Text.Json;
using CourseKit.Imaging;

namespace CourseKit.Charts;

/// <summary>
/// Values on a regular grid (H rows, W columns) covering [x.lo, x.hi] x [y.lo, y.hi]: value
/// [i, j] is the cell whose centre is x = x.lo + (j + 1/2) dx, y = y.lo + (i + 1/2) dy, so row 0 is
/// at the bottom. Cells are coloured with viridis from the smallest to the largest finite value
/// (non-finite cells get the colour of the smallest), with optional white contour lines.
/// </summary>
internal sealed class HeatmapTrace : Trace
{
    private readonly double[] z;
    private readonly int h, w;
    private readonly (double Lo, double Hi) x, y;
    private readonly double zLo, zHi;
    private readonly List<double> levels;
    private static readonly Rgba ContourColor = Rgba.White.WithAlpha(0.85);

    public HeatmapTrace(double[] z, int h, int w, (double, double) x, (double, double) y, int contourLevels)
    {
        (this.z, this.h, this.w, this.x, this.y) = (z, h, w, x, y);
        var finite = z.Where(double.IsFinite).ToArray();
        (zLo, zHi) = finite.Length == 0 ? (0, 1) : (finite.Min(), finite.Max());
        if (zHi <= zLo) zHi = zLo + 1;
        levels = contourLevels > 0 ? Ticks.Linear(zLo, zHi, contourLevels).Where(v => v > zLo && v < zHi).ToList() : [];
    }

    internal override Extent? Bounds(bool logY) => new Extent(x.Lo, x.Hi, y.Lo, y.Hi, PadX: false, PadY: false);

    internal override (double Lo, double Hi)? ColorRange => (zLo, zHi);

    /// <summary>One pixel per cell, row 0 at the bottom (the image's last row).</summary>
    internal Image ToImage()
    {
        var pixels = new byte[w * h * 3];
        for (var i = 0; i < h; i++)
            for (var j = 0; j < w; j++)
            {
                var c = Palette.Viridis((z[i * w + j] - zLo) / (zHi - zLo));
                var o = ((h - 1 - i) * w + j) * 3;
                (pixels[o], pixels[o + 1], pixels[o + 2]) = (c.R, c.G, c.B);
            }
        return new Image(w, h, 3, pixels);
    }

    internal override void Draw(Scene scene, PlotFrame frame)
    {
        double left = frame.PixelX(x.Lo), right = frame.PixelX(x.Hi), top = frame.PixelY(y.Hi), bottom = frame.PixelY(y.Lo);
        scene.Add(new ImageShape(left, top, right - left, bottom - top, ToImage()));
        foreach (var level in levels)
        {
            // Grid coordinates (column j, row i) to figure pixels.
            var segments = MarchingSquares.Contour(z, h, w, level)
                .Select(s => (frame.PixelX(GridX(s.X1)), frame.PixelY(GridY(s.Y1)), frame.PixelX(GridX(s.X2)), frame.PixelY(GridY(s.Y2))))
                .ToList();
            if (segments.Count > 0) scene.Add(new SegmentsShape(segments, ContourColor, 1));
        }
    }

    /// <summary>The x of column <paramref name="j"/> (fractional between cell centres).</summary>
    private double GridX(double j) => x.Lo + (j + 0.5) * (x.Hi - x.Lo) / w;

    /// <summary>The y of row <paramref name="i"/> (fractional between cell centres).</summary>
    private double GridY(double i) => y.Lo + (i + 0.5) * (y.Hi - y.Lo) / h;

    internal override void WritePlotly(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "heatmap");
        WriteGrid(json);
        json.WriteNumber("zmin", zLo);
        json.WriteNumber("zmax", zHi);
        json.WriteStartArray("colorscale");
        foreach (var (position, colour) in Palette.ViridisScale())
        {
            json.WriteStartArray();
            json.WriteNumberValue(position);
            json.WriteStringValue(colour);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        if (levels.Count == 0) return;
        json.WriteStartObject();
        json.WriteString("type", "contour");
        WriteGrid(json);
        json.WriteBoolean("showscale", false);
        json.WriteBoolean("autocontour", false);
        json.WriteString("hoverinfo", "skip");
        json.WriteStartObject("contours");
        json.WriteString("coloring", "none");   // lines in line.color, as the static chart
        json.WriteNumber("start", levels[0]);
        json.WriteNumber("end", levels[^1]);
        json.WriteNumber("size", levels.Count > 1 ? levels[1] - levels[0] : 1);
        json.WriteEndObject();
        json.WriteStartObject("line");
        json.WriteString("color", ContourColor.ToCss());
        json.WriteNumber("width", 1);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteGrid(Utf8JsonWriter json)
    {
        WriteNumbers(json, "x", Enumerable.Range(0, w).Select(j => GridX(j)));
        WriteNumbers(json, "y", Enumerable.Range(0, h).Select(i => GridY(i)));
        json.WriteStartArray("z");
        for (var i = 0; i < h; i++) WriteNumbers(json, null, z.Skip(i * w).Take(w));
        json.WriteEndArray();
    }
}
