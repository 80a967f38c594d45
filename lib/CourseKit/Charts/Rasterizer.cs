using CourseKit.Imaging;

namespace CourseKit.Charts;

/// <summary>
/// Draws a <see cref="Scene"/> into an RGB <see cref="Image"/> at <c>ratio</c> device pixels per
/// CSS pixel. Lines, discs and rectangle edges are antialiased by pixel coverage (distance to the
/// shape for lines and discs, overlap area for rectangles) and alpha-blended; text uses
/// <see cref="BitmapFont"/> at an integer scale; images are sampled nearest-neighbour.
/// </summary>
internal sealed class Rasterizer
{
    private readonly Image canvas;
    private readonly double ratio;

    private Rasterizer(Scene scene, int ratio)
    {
        this.ratio = ratio;
        canvas = Image.Solid((int)Math.Ceiling(scene.Width * ratio), (int)Math.Ceiling(scene.Height * ratio), [255, 255, 255]);
    }

    public static Image Render(Scene scene, int ratio)
    {
        if (ratio < 1) throw new ArgumentOutOfRangeException(nameof(ratio), $"Chart.ToPng: pixel ratio must be at least 1, got {ratio}");
        var r = new Rasterizer(scene, ratio);
        foreach (var shape in scene.Shapes) r.Draw(shape);
        return r.canvas;
    }

    private void Draw(Shape shape)
    {
        switch (shape)
        {
            case LineShape l:
                var segments = new List<(double, double, double, double)>();
                for (var i = 1; i < l.Points.Count; i++) segments.Add((l.Points[i - 1].X, l.Points[i - 1].Y, l.Points[i].X, l.Points[i].Y));
                if (l.Points.Count == 1) segments.Add((l.Points[0].X, l.Points[0].Y, l.Points[0].X, l.Points[0].Y));
                Stroke(segments, l.Color, l.Width);
                break;
            case SegmentsShape g: Stroke(g.Segments, g.Color, g.Width); break;
            case RectShape r:
                FillRect(r.X * ratio, r.Y * ratio, r.W * ratio, r.H * ratio, r.Fill);
                if (r.Stroke is { } s)
                    Stroke([(r.X, r.Y, r.X + r.W, r.Y), (r.X + r.W, r.Y, r.X + r.W, r.Y + r.H), (r.X + r.W, r.Y + r.H, r.X, r.Y + r.H), (r.X, r.Y + r.H, r.X, r.Y)], s, 1);
                break;
            case CircleShape c: FillCircle(c.X * ratio, c.Y * ratio, c.R * ratio, c.Fill); break;
            case TextShape t: DrawText(t); break;
            case ImageShape i: DrawImage(i); break;
        }
    }

    /// <summary>Mixes <paramref name="color"/> into pixel (x, y) with weight coverage * alpha.</summary>
    private void Blend(int x, int y, Rgba color, double coverage)
    {
        if ((uint)x >= (uint)canvas.Width || (uint)y >= (uint)canvas.Height || coverage <= 0) return;
        var a = Math.Min(1, coverage) * color.A / 255.0;
        var p = canvas.Pixels.AsSpan((y * canvas.Width + x) * 3, 3);
        p[0] = (byte)Math.Round(p[0] + (color.R - p[0]) * a);
        p[1] = (byte)Math.Round(p[1] + (color.G - p[1]) * a);
        p[2] = (byte)Math.Round(p[2] + (color.B - p[2]) * a);
    }

    /// <summary>
    /// Strokes segments (figure coordinates) of one colour: the coverage of each pixel is the largest over
    /// all segments (so joints are not blended twice), then blended once.
    /// </summary>
    private void Stroke(IReadOnlyList<(double X1, double Y1, double X2, double Y2)> segments, Rgba color, double width)
    {
        if (segments.Count == 0) return;
        var half = Math.Max(0.5, width * ratio / 2);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (x1, y1, x2, y2) in segments)
        {
            minX = Math.Min(minX, Math.Min(x1, x2)); maxX = Math.Max(maxX, Math.Max(x1, x2));
            minY = Math.Min(minY, Math.Min(y1, y2)); maxY = Math.Max(maxY, Math.Max(y1, y2));
        }
        int bx0 = Math.Max(0, (int)Math.Floor(minX * ratio - half - 1)), by0 = Math.Max(0, (int)Math.Floor(minY * ratio - half - 1));
        int bx1 = Math.Min(canvas.Width - 1, (int)Math.Ceiling(maxX * ratio + half + 1)), by1 = Math.Min(canvas.Height - 1, (int)Math.Ceiling(maxY * ratio + half + 1));
        if (bx1 < bx0 || by1 < by0) return;
        int bw = bx1 - bx0 + 1, bh = by1 - by0 + 1;
        var coverage = new float[bw * bh];
        foreach (var (x1, y1, x2, y2) in segments)
        {
            double ax = x1 * ratio, ay = y1 * ratio, dx = x2 * ratio - ax, dy = y2 * ratio - ay, len2 = dx * dx + dy * dy;
            int x0 = Math.Max(bx0, (int)Math.Floor(Math.Min(ax, ax + dx) - half - 1)), xe = Math.Min(bx1, (int)Math.Ceiling(Math.Max(ax, ax + dx) + half + 1));
            int y0 = Math.Max(by0, (int)Math.Floor(Math.Min(ay, ay + dy) - half - 1)), ye = Math.Min(by1, (int)Math.Ceiling(Math.Max(ay, ay + dy) + half + 1));
            for (var y = y0; y <= ye; y++)
                for (var x = x0; x <= xe; x++)
                {
                    double px = x + 0.5 - ax, py = y + 0.5 - ay;
                    var t = len2 == 0 ? 0 : Math.Clamp((px * dx + py * dy) / len2, 0, 1);
                    double ex = px - t * dx, ey = py - t * dy;
                    var c = (float)Math.Clamp(half + 0.5 - Math.Sqrt(ex * ex + ey * ey), 0, 1);
                    ref var slot = ref coverage[(y - by0) * bw + (x - bx0)];
                    if (c > slot) slot = c;
                }
        }
        for (var y = 0; y < bh; y++)
            for (var x = 0; x < bw; x++)
                Blend(bx0 + x, by0 + y, color, coverage[y * bw + x]);
    }

    /// <summary>Fills a rectangle in device pixels; edge pixels get their overlap fraction.</summary>
    private void FillRect(double x, double y, double w, double h, Rgba color)
    {
        if (w <= 0 || h <= 0) return;
        for (var py = (int)Math.Floor(y); py < Math.Ceiling(y + h); py++)
        {
            var cy = Math.Min(py + 1, y + h) - Math.Max(py, y);
            for (var px = (int)Math.Floor(x); px < Math.Ceiling(x + w); px++)
                Blend(px, py, color, cy * (Math.Min(px + 1, x + w) - Math.Max(px, x)));
        }
    }

    private void FillCircle(double cx, double cy, double r, Rgba color)
    {
        for (var y = (int)Math.Floor(cy - r - 1); y <= Math.Ceiling(cy + r + 1); y++)
            for (var x = (int)Math.Floor(cx - r - 1); x <= Math.Ceiling(cx + r + 1); x++)
            {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                Blend(x, y, color, r + 0.5 - Math.Sqrt(dx * dx + dy * dy));
            }
    }

    private void DrawText(TextShape t)
    {
        var k = Math.Max(1, (int)Math.Round(t.Size * ratio));
        var length = BitmapFont.MeasureWidth(t.Text, k);
        var shift = t.Anchor switch { TextAnchor.Start => 0, TextAnchor.Middle => length / 2, _ => length };
        int ax = (int)Math.Round(t.X * ratio), ay = (int)Math.Round(t.Y * ratio), half = BitmapFont.GlyphHeight * k / 2;
        for (var i = 0; i < t.Text.Length; i++)
            for (var row = 0; row < BitmapFont.GlyphHeight + BitmapFont.Descent; row++)
                for (var col = 0; col < BitmapFont.GlyphWidth; col++)
                {
                    if (!BitmapFont.IsSet(t.Text[i], col, row)) continue;
                    var along = (i * BitmapFont.Advance + col) * k - shift;   // distance along the text line
                    var across = row * k - half;                                // distance below the line's middle
                    var (x, y) = t.Vertical ? (ax + across, ay - along - k) : (ax + along, ay + across);
                    for (var dy = 0; dy < k; dy++)
                        for (var dx = 0; dx < k; dx++)
                            Blend(x + dx, y + dy, t.Color, 1);
                }
    }

    private void DrawImage(ImageShape s)
    {
        var source = s.Image.ConvertTo(4);
        double x0 = s.X * ratio, y0 = s.Y * ratio, w = s.W * ratio, h = s.H * ratio;
        for (var y = (int)Math.Round(y0); y < Math.Round(y0 + h); y++)
            for (var x = (int)Math.Round(x0); x < Math.Round(x0 + w); x++)
            {
                var sx = Math.Clamp((int)((x + 0.5 - x0) / w * source.Width), 0, source.Width - 1);
                var sy = Math.Clamp((int)((y + 0.5 - y0) / h * source.Height), 0, source.Height - 1);
                var p = source.Pixel(sx, sy);
                Blend(x, y, new Rgba(p[0], p[1], p[2], p[3]), 1);
            }
    }
}
