using SP = ScottPlot;

namespace CourseKit.Charts;

/// <summary>
/// Values on a regular grid (H rows, W columns) covering [x.lo, x.hi] x [y.lo, y.hi]: value
/// [i, j] is the cell whose centre is x = x.lo + (j + 1/2) dx, y = y.lo + (i + 1/2) dy, so row 0 is
/// at the bottom. Cells are coloured with viridis from the smallest to the largest finite value,
/// with a colour bar and optional white contour lines.
/// </summary>
internal sealed class HeatmapTrace : Trace
{
    private readonly double[] z;
    private readonly int h, w, contours;
    private readonly (double Lo, double Hi) x, y;
    private readonly double zLo, zHi;
    private static readonly Rgba ContourColor = Rgba.White.WithAlpha(0.85);

    public HeatmapTrace(double[] z, int h, int w, (double, double) x, (double, double) y, int contours)
    {
        (this.z, this.h, this.w, this.x, this.y, this.contours) = (z, h, w, x, y, contours);
        var finite = z.Where(double.IsFinite).ToArray();
        (zLo, zHi) = finite.Length == 0 ? (0, 1) : (finite.Min(), finite.Max());
        if (zHi <= zLo) zHi = zLo + 1;
    }

    internal override Extent? Bounds(bool logY) => new Extent(x.Lo, x.Hi, y.Lo, y.Hi, PadX: false, PadY: false);

    /// <summary>The x of column <paramref name="j"/>'s centre.</summary>
    private double GridX(int j) => x.Lo + (j + 0.5) * (x.Hi - x.Lo) / w;

    /// <summary>The y of row <paramref name="i"/>'s centre.</summary>
    private double GridY(int i) => y.Lo + (i + 0.5) * (y.Hi - y.Lo) / h;

    /// <summary>
    /// The contour levels: <c>contours</c> equally spaced values strictly inside (zLo, zHi), the same
    /// in both renderings.
    /// </summary>
    internal double[] Levels() => Enumerable.Range(1, contours).Select(k => zLo + k * (zHi - zLo) / (contours + 1)).ToArray();

    private double?[][] Rows() => Enumerable.Range(0, h).Select(i => Numbers(z.Skip(i * w).Take(w))).ToArray();

    internal override IEnumerable<Plotly.NET.Trace> ToPlotly(TraceStyle style)
    {
        var xs = Numbers(Enumerable.Range(0, w).Select(GridX));
        var ys = Numbers(Enumerable.Range(0, h).Select(GridY));
        var rows = Rows();
        yield return PlotlyTrace("heatmap",
            ("x", xs), ("y", ys), ("z", rows), ("zmin", zLo), ("zmax", zHi), ("showlegend", false),
            ("colorscale", Palette.ViridisScale().Select(p => new object[] { p.Position, p.Colour }).ToArray()),
            ("colorbar", new { thickness = 14, outlinewidth = 0 }));
        if (contours == 0) yield break;
        var levels = Levels();
        yield return PlotlyTrace("contour",
            ("x", xs), ("y", ys), ("z", rows), ("showscale", false), ("showlegend", false), ("autocontour", false), ("hoverinfo", "skip"),
            ("contours", new { coloring = "none", start = levels[0], end = levels[^1], size = levels.Length > 1 ? levels[1] - levels[0] : 1 }),
            ("line", new { color = ContourColor.ToCss(), width = 1 }));
    }

    internal override void AddTo(SP.Plot plot, TraceStyle style)
    {
        var cells = new double[h, w];   // ScottPlot draws row 0 at the top
        for (var i = 0; i < h; i++)
            for (var j = 0; j < w; j++)
                cells[h - 1 - i, j] = double.IsFinite(z[i * w + j]) ? z[i * w + j] : zLo;
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new SP.Colormaps.Viridis();
        heatmap.ManualRange = new SP.Range(zLo, zHi);
        heatmap.Extent = new SP.CoordinateRect(x.Lo, x.Hi, y.Lo, y.Hi);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Width = 14;
        if (contours == 0) return;
        var points = new SP.Coordinates3d[h, w];
        for (var i = 0; i < h; i++)
            for (var j = 0; j < w; j++)
                points[i, j] = new SP.Coordinates3d(GridX(j), GridY(i), cells[h - 1 - i, j]);
        var lines = plot.Add.ContourLines(points, contours);
        lines.LineColor = ToScottPlot(ContourColor);
        lines.LineWidth = 1;
        lines.LabelStyle.IsVisible = false;
    }
}
