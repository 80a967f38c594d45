using SP = ScottPlot;

namespace CourseKit.Charts;

/// <summary>
/// Draws a chart statically with ScottPlot (SkiaSharp underneath, text shaped by HarfBuzz, anti-aliased):
/// the same traces, axis ranges, labels and legend as the Plotly.NET figure, for the PNG that stored
/// notebooks, GitHub and nbviewer show, and for SVG files.
/// </summary>
internal static class StaticChart
{
    /// <summary>The first of these fonts installed here (fonts-dejavu-core on Debian); ScottPlot's default otherwise.</summary>
    private static readonly string[] PreferredFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"];

    private static readonly Lazy<string> Font = new(() =>
        PreferredFonts.FirstOrDefault(f => SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains(f)) ?? SP.Fonts.Default);

    internal static string FontName => Font.Value;

    /// <summary>The chart as PNG bytes, <paramref name="pixelRatio"/> device pixels per CSS pixel.</summary>
    public static byte[] Png(Chart chart, int pixelRatio)
    {
        if (pixelRatio < 1) throw new ArgumentOutOfRangeException(nameof(pixelRatio), $"Chart.ToPng: pixelRatio must be at least 1, got {pixelRatio}");
        var plot = Build(chart);
        plot.ScaleFactor = pixelRatio;
        return plot.GetImageBytes(chart.Width * pixelRatio, chart.Height * pixelRatio, SP.ImageFormat.Png);
    }

    /// <summary>The chart as an SVG document (vector lines and text; heatmaps and images embedded as bitmaps).</summary>
    public static string Svg(Chart chart) => Build(chart).GetSvgXml(chart.Width, chart.Height);

    public static SP.Plot Build(Chart chart)
    {
        var style = chart.Style();
        var plot = new SP.Plot();
        plot.Font.Set(FontName);
        plot.FigureBackground.Color = SP.Colors.White;
        plot.DataBackground.Color = SP.Colors.White;
        plot.Grid.MajorLineColor = ToScottPlot(Rgba.Grid);
        if (chart.Title is { } title)
        {
            plot.Title(title, size: 16);
            plot.Axes.Title.Label.Bold = false;
        }
        if (chart.XLabel is { } xLabel) plot.XLabel(xLabel, size: 13);
        if (chart.YLabel is { } yLabel) plot.YLabel(yLabel, size: 13);
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        foreach (var trace in chart.Traces) trace.AddTo(plot, style);

        var (x, y) = chart.FitAxes();
        plot.Axes.SetLimits(x.Lo, x.Hi, style.Y(y.Lo), style.Y(y.Hi));
        if (y.Log) plot.Axes.Left.TickGenerator = LogTickGenerator(y);
        if (chart.EqualAspect) plot.Axes.SquareUnits();
        if (!chart.ShowAxes)
        {
            foreach (var axis in plot.Axes.GetAxes()) axis.IsVisible = false;   // the title stays
            plot.HideGrid();
        }

        var items = chart.ShowLegend ? chart.Traces.SelectMany(t => t.LegendItems(style)).DistinctBy(i => i.LabelText).ToList() : [];
        if (items.Count > 0)
        {
            plot.Legend.ManualItems.AddRange(items);
            plot.Legend.DisplayPlottableLegendItems = false;
            plot.Legend.Orientation = SP.Orientation.Horizontal;
            plot.Legend.FontSize = 12;
            plot.Legend.FontName = FontName;
            plot.Legend.ShadowColor = SP.Colors.Transparent;
            plot.Legend.OutlineColor = ToScottPlot(Rgba.Grid);
            plot.ShowLegend(SP.Edge.Bottom);
        }
        return plot;
    }

    /// <summary>Labelled ticks at 1, 2, 5 (or 1, 3, or 1) times powers of ten on a log10 axis (<see cref="LogTicks"/>).</summary>
    private static SP.TickGenerators.NumericManual LogTickGenerator(Axis y)
    {
        var (major, minor) = LogTicks.Values(y.Lo, y.Hi);
        var ticks = new SP.TickGenerators.NumericManual();
        foreach (var v in major) ticks.AddMajor(Math.Log10(v), LogTicks.Format(v));
        foreach (var v in minor) ticks.AddMinor(Math.Log10(v));
        return ticks;
    }

    private static SP.Color ToScottPlot(Rgba c) => new(c.R, c.G, c.B, c.A);
}
