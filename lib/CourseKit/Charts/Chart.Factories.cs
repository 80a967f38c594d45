using CourseKit.Imaging;
using static CourseKit.torch;

namespace CourseKit.Charts;

public sealed partial record Chart
{
    /// <summary>White margin around a picture chart (<see cref="ImageGrid(Image, string?)"/>), CSS pixels.</summary>
    private const int PictureMargin = 10;

    /// <summary>Height of the title band above a picture chart, CSS pixels.</summary>
    private const int TitleHeight = 36;

    /// <summary>Size of equal-aspect charts (2-D points, densities), CSS pixels: a square plot area above the legend.</summary>
    private const int SquareWidth = 560, SquareHeight = 580;

    /// <summary>Line chart of one or more named series (e.g. training and validation loss), each in its own colour.</summary>
    public static Chart Line(params Series[] series) => Line(series, smoothing: 0);

    /// <summary>
    /// Line chart; with <paramref name="smoothing"/> a in (0, 1) each series is drawn faint and its
    /// bias-corrected exponential moving average (<see cref="Series.Smooth"/>) on top, as TensorBoard does.
    /// </summary>
    public static Chart Line(IEnumerable<Series> series, double smoothing = 0, string? title = null, string? xLabel = "step", string? yLabel = null)
    {
        if (smoothing is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(smoothing), $"Chart.Line: smoothing must be in [0, 1), got {smoothing}");
        var list = series.ToList();
        if (list.Count == 0) throw new ArgumentException("Chart.Line: no series given", nameof(series));
        return new Chart
        {
            Traces = list.Select((s, i) => (Trace)new LineTrace(s, Palette.Series(i), smoothing)).ToList(),
            Title = title, XLabel = xLabel, YLabel = yLabel,
        };
    }

    /// <summary>
    /// Scatter plot of 2-D points (N, 2), coloured by class when <paramref name="labels"/> (N) holds
    /// integer classes; <paramref name="classNames"/>[k] names class k in the legend.
    /// </summary>
    public static Chart Scatter(Tensor points, Tensor? labels = null, IReadOnlyList<string>? classNames = null, double markerSize = 5)
    {
        var (xy, n) = ReadPoints(points, "Chart.Scatter");
        if (labels is null) return new Chart { Traces = [new ScatterTrace("", Column(xy, 0), Column(xy, 1), Palette.Series(0).WithAlpha(0.7), markerSize)], EqualAspect = true, Width = SquareWidth, Height = SquareHeight };
        var (classes, shape) = TensorPixels.Read(labels);
        if (shape.Length != 1 || shape[0] != n)
            throw new ArgumentException($"Chart.Scatter: labels must have shape ({n}) to match points [{n}, 2], got [{string.Join(", ", shape)}]", nameof(labels));
        var traces = classes.Select(c => (long)c).Distinct().Order().Select(c =>
        {
            var idx = Enumerable.Range(0, (int)n).Where(i => (long)classes[i] == c).ToArray();
            var name = classNames is not null && c >= 0 && c < classNames.Count ? classNames[(int)c] : c.ToString();
            return (Trace)new ScatterTrace(name, idx.Select(i => xy[2 * i]).ToArray(), idx.Select(i => xy[2 * i + 1]).ToArray(),
                Palette.Series((int)c).WithAlpha(0.7), markerSize);
        }).ToList();
        return new Chart { Traces = traces, EqualAspect = true, Width = SquareWidth, Height = SquareHeight };
    }

    /// <summary>Scatter plot of named groups of 2-D points, e.g. ("data", x), ("model", samples); each group (N_g, 2).</summary>
    public static Chart Scatter(params (string Name, Tensor Points)[] groups) =>
        new()
        {
            Traces = groups.Select((g, k) =>
            {
                var (xy, _) = ReadPoints(g.Points, $"Chart.Scatter (group '{g.Name}')");
                return (Trace)new ScatterTrace(g.Name, Column(xy, 0), Column(xy, 1), Palette.Series(k).WithAlpha(0.7), 5);
            }).ToList(),
            EqualAspect = true, Width = SquareWidth, Height = SquareHeight,
        };

    /// <summary>Histogram of <paramref name="values"/> in <paramref name="bins"/> equal bins from the smallest to the largest finite value.</summary>
    public static Chart Histogram(double[] values, int bins = 30, string name = "") => Histogram([(name, values)], bins);

    /// <summary>Histogram of the elements of a tensor (any shape).</summary>
    public static Chart Histogram(Tensor values, int bins = 30, string name = "") => Histogram(TensorPixels.Read(values).Values, bins, name);

    /// <summary>Overlaid, translucent histograms of named groups over shared bins (e.g. real vs generated).</summary>
    public static Chart Histogram(IReadOnlyList<(string Name, double[] Values)> groups, int bins = 30)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), $"Chart.Histogram: bins must be at least 1, got {bins}");
        var finite = groups.SelectMany(g => g.Values).Where(double.IsFinite).ToArray();
        if (finite.Length == 0) throw new ArgumentException("Chart.Histogram: no finite values to count", nameof(groups));
        double lo = finite.Min(), hi = finite.Max();
        if (hi <= lo) (lo, hi) = (lo - 0.5, hi + 0.5);
        var alpha = groups.Count > 1 ? 0.6 : 1;
        return new Chart
        {
            Traces = groups.Select((g, k) => (Trace)new HistogramTrace(g.Name, g.Values, lo, hi, bins, Palette.Series(k).WithAlpha(alpha))).ToList(),
            YLabel = "count",
        };
    }

    /// <summary>
    /// Heatmap of values (H, W) on the grid covering <paramref name="x"/> x <paramref name="y"/>: value [i, j]
    /// belongs to the cell centred at x.lo + (j + 1/2)(x.hi - x.lo)/W, y.lo + (i + 1/2)(y.hi - y.lo)/H (row 0 at the
    /// bottom, as from evaluating a model's log-density on a meshgrid with y along dim 0). Colours: viridis with a colour bar;
    /// <paramref name="contours"/> &gt; 0 overlays about that many white contour lines.
    /// </summary>
    public static Chart Heatmap(Tensor values, (double lo, double hi) x, (double lo, double hi) y, int contours = 0)
    {
        var (z, shape) = TensorPixels.Read(values);
        if (shape.Length != 2 || shape[0] < 2 || shape[1] < 2)
            throw new ArgumentException($"Chart.Heatmap: expected values of shape (H, W) with H, W >= 2, got [{string.Join(", ", shape)}]", nameof(values));
        if (!(x.hi > x.lo) || !(y.hi > y.lo))
            throw new ArgumentException($"Chart.Heatmap: ranges need lo < hi, got x ({x.lo}, {x.hi}), y ({y.lo}, {y.hi})");
        return new Chart { Traces = [new HeatmapTrace(z, (int)shape[0], (int)shape[1], x, y, contours)], EqualAspect = true, Width = SquareWidth + 60, Height = SquareHeight };
    }

    /// <summary>An image (e.g. from <see cref="Images.Grid(Tensor, int, int, double?, ValueTuple{double, double}?, string[], string[], int)"/>) shown at its own size, without axes.</summary>
    public static Chart ImageGrid(Image image, string? title = null) =>
        new()
        {
            Traces = [new ImageTrace(image, (0, image.Width), (0, image.Height))],
            Title = title,
            ShowAxes = false,
            Width = image.Width + 2 * PictureMargin,
            Height = image.Height + 2 * PictureMargin + (title is null ? 0 : TitleHeight),
        };

    /// <summary>A grid of a batch (B, C, H, W) as a chart (see <see cref="Images.Grid(Tensor, int, int, double?, ValueTuple{double, double}?, string[], string[], int)"/>).</summary>
    public static Chart ImageGrid(Tensor batch, int columns = 8, (double lo, double hi)? range = null, string? title = null,
        string[]? rowLabels = null, string[]? columnLabels = null) =>
        ImageGrid(Images.Grid(batch, columns, range: range, rowLabels: rowLabels, columnLabels: columnLabels), title);

    /// <summary>
    /// The n x n latent points (n*n, 2) at which <see cref="LatentGrid"/> expects the images decoded, in its
    /// order: row r (from the top) has z2 = z2.hi - r (z2.hi - z2.lo)/(n - 1), column c has z1 = z1.lo + c (z1.hi - z1.lo)/(n - 1).
    /// </summary>
    public static Tensor LatentPoints(int n, (double lo, double hi) z1, (double lo, double hi) z2)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), $"Chart.LatentPoints: n must be at least 2, got {n}");
        var xy = new float[n * n * 2];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
            {
                xy[2 * (r * n + c)] = (float)(z1.lo + c * (z1.hi - z1.lo) / (n - 1));
                xy[2 * (r * n + c) + 1] = (float)(z2.hi - r * (z2.hi - z2.lo) / (n - 1));
            }
        return tensor(xy, [n * n, 2]);   // (n*n, 2)
    }

    /// <summary>
    /// The images decoded at <see cref="LatentPoints"/> (n*n, C, H, W), tiled n x n over axes showing the
    /// latent coordinates z1 (horizontal) and z2 (vertical); each tile is centred on its latent point.
    /// </summary>
    public static Chart LatentGrid(Tensor decoded, int n, (double lo, double hi) z1, (double lo, double hi) z2, (double lo, double hi)? range = null)
    {
        if (decoded.dim() < 3 || decoded.size(0) != (long)n * n)
            throw new ArgumentException($"Chart.LatentGrid: expected {n * n} images (n*n, C, H, W) for n = {n}, got shape [{string.Join(", ", decoded.shape)}]", nameof(decoded));
        var image = Images.Grid(decoded, n, padding: 0, range: range);
        double h1 = (z1.hi - z1.lo) / (n - 1) / 2, h2 = (z2.hi - z2.lo) / (n - 1) / 2;
        return new Chart
        {
            Traces = [new ImageTrace(image, (z1.lo - h1, z1.hi + h1), (z2.lo - h2, z2.hi + h2))],
            XLabel = "z1", YLabel = "z2", Width = 560, Height = 520, EqualAspect = true,
        };
    }

    private static (double[] XY, long N) ReadPoints(Tensor points, string op)
    {
        var (xy, shape) = TensorPixels.Read(points);
        if (shape.Length != 2 || shape[1] != 2)
            throw new ArgumentException($"{op}: expected points of shape (N, 2), got [{string.Join(", ", shape)}]", nameof(points));
        return (xy, shape[0]);
    }

    private static double[] Column(double[] xy, int k) => Enumerable.Range(0, xy.Length / 2).Select(i => xy[2 * i + k]).ToArray();
}
