using CourseKit.Imaging;

namespace CourseKit.Charts;

/// <summary>
/// Turns a <see cref="Chart"/> into a <see cref="Scene"/>: title on top, the plot area with grid
/// lines, traces, frame, ticks and tick labels, axis labels, then the legend and the colour bar in
/// a column on the right. Sizes are CSS pixels; text is the 5 x 7 font (6 px per character).
/// </summary>
internal static class ChartLayout
{
    public const int TitleHeight = 28;
    public const int PictureMargin = 8;
    private const int CharWidth = BitmapFont.Advance;
    private const int LegendRow = 16;
    private const int ColorBarWidth = 14;

    public static Scene Render(Chart chart)
    {
        var scene = new Scene(chart.Width, chart.Height);
        var (xAxis, yAxis) = chart.FitAxes();
        var legend = chart.LegendEntries();
        var colorRange = chart.Traces.Select(t => t.ColorRange).FirstOrDefault(r => r is not null);
        var top = chart.Title is null ? 12 : TitleHeight;
        PlotFrame frame;
        if (chart.ShowAxes)
        {
            var yLabels = yAxis.TickValues().Select(yAxis.Label).ToList();
            var left = 10 + (chart.YLabel is null ? 0 : 16) + yLabels.DefaultIfEmpty("").Max(l => l.Length * CharWidth) + 8;
            var bottom = 28 + (chart.XLabel is null ? 0 : 20);
            var right = 16 + (legend.Count == 0 ? 0 : legend.Max(e => e.Name.Length) * CharWidth + 40)
                           + (colorRange is null ? 0 : ColorBarWidth + 56);
            frame = new PlotFrame(left, top, Math.Max(10, chart.Width - left - right), Math.Max(10, chart.Height - top - bottom), xAxis, yAxis);
        }
        else
        {
            var pictureTop = PictureMargin + (chart.Title is null ? 0 : TitleHeight);
            frame = new PlotFrame(PictureMargin, pictureTop, chart.Width - 2 * PictureMargin, chart.Height - pictureTop - PictureMargin, xAxis, yAxis);
        }

        if (chart.ShowAxes) DrawGrid(scene, frame);
        foreach (var trace in chart.Traces) trace.Draw(scene, frame);
        if (chart.ShowAxes) DrawAxes(scene, frame, chart);
        if (chart.Title is not null) scene.Add(new TextShape(chart.Width / 2.0, TitleHeight / 2.0 + 1, chart.Title, Rgba.Text, 2, TextAnchor.Middle));
        var column = frame.Left + frame.Width + 16;
        if (legend.Count > 0)
        {
            DrawLegend(scene, legend, column, frame.Top + 6);
            column += legend.Max(e => e.Name.Length) * CharWidth + 40;
        }
        if (colorRange is { } range) DrawColorBar(scene, range, column, frame);
        return scene;
    }

    private static void DrawGrid(Scene scene, PlotFrame f)
    {
        foreach (var x in f.X.TickValues())
            scene.Add(new LineShape([(f.PixelX(x), f.Top), (f.PixelX(x), f.Top + f.Height)], Rgba.Grid, 1));
        foreach (var y in f.Y.TickValues())
            scene.Add(new LineShape([(f.Left, f.PixelY(y)), (f.Left + f.Width, f.PixelY(y))], Rgba.Grid, 1));
    }

    private static void DrawAxes(Scene scene, PlotFrame f, Chart chart)
    {
        double right = f.Left + f.Width, bottom = f.Top + f.Height;
        scene.Add(new LineShape([(f.Left, f.Top), (f.Left, bottom), (right, bottom)], Rgba.Axis, 1));
        foreach (var x in f.X.TickValues())
        {
            var px = f.PixelX(x);
            scene.Add(new LineShape([(px, bottom), (px, bottom + 4)], Rgba.Axis, 1));
            scene.Add(new TextShape(px, bottom + 12, f.X.Label(x), Rgba.Text, 1, TextAnchor.Middle));
        }
        foreach (var y in f.Y.TickValues())
        {
            var py = f.PixelY(y);
            scene.Add(new LineShape([(f.Left - 4, py), (f.Left, py)], Rgba.Axis, 1));
            scene.Add(new TextShape(f.Left - 7, py, f.Y.Label(y), Rgba.Text, 1, TextAnchor.End));
        }
        if (chart.XLabel is { } xl) scene.Add(new TextShape(f.Left + f.Width / 2, bottom + 32, xl, Rgba.Text, 1, TextAnchor.Middle));
        if (chart.YLabel is { } yl) scene.Add(new TextShape(14, f.Top + f.Height / 2, yl, Rgba.Text, 1, TextAnchor.Middle, Vertical: true));
    }

    private static void DrawLegend(Scene scene, List<LegendEntry> entries, double x, double y)
    {
        for (var k = 0; k < entries.Count; k++)
        {
            var (name, color, symbol) = entries[k];
            var cy = y + k * LegendRow;
            switch (symbol)
            {
                case LegendSymbol.Line: scene.Add(new LineShape([(x, cy), (x + 20, cy)], color, 2)); break;
                case LegendSymbol.Marker: scene.Add(new CircleShape(x + 10, cy, 4, color)); break;
                default: scene.Add(new RectShape(x + 3, cy - 5, 14, 10, color)); break;
            }
            scene.Add(new TextShape(x + 28, cy, name, Rgba.Text));
        }
    }

    /// <summary>A vertical viridis gradient beside the plot with ticks over the value range.</summary>
    private static void DrawColorBar(Scene scene, (double Lo, double Hi) range, double x, PlotFrame f)
    {
        const int steps = 256;
        var pixels = new byte[steps * 3];
        for (var k = 0; k < steps; k++)
        {
            var c = Palette.Viridis(1 - k / (steps - 1.0));
            (pixels[3 * k], pixels[3 * k + 1], pixels[3 * k + 2]) = (c.R, c.G, c.B);
        }
        scene.Add(new ImageShape(x, f.Top, ColorBarWidth, f.Height, new Image(1, steps, 3, pixels)));
        scene.Add(new RectShape(x, f.Top, ColorBarWidth, f.Height, Rgba.White.WithAlpha(0), Rgba.Axis));
        var axis = new Axis(range.Lo, range.Hi, false);
        foreach (var v in axis.TickValues())
        {
            var py = f.Top + (1 - axis.Fraction(v)) * f.Height;
            scene.Add(new LineShape([(x + ColorBarWidth, py), (x + ColorBarWidth + 3, py)], Rgba.Axis, 1));
            scene.Add(new TextShape(x + ColorBarWidth + 6, py, axis.Label(v), Rgba.Text));
        }
    }
}
