using System.Globalization;
using System.Security;
using System.Text;

namespace CourseKit.Charts;

/// <summary>Writes a <see cref="Scene"/> as an SVG 1.1 document (text in a monospace font sized like the bitmap font).</summary>
internal static class SvgRenderer
{
    public static string Render(Scene scene)
    {
        var s = new StringBuilder();
        s.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(scene.Width)}\" height=\"{N(scene.Height)}\" viewBox=\"0 0 {N(scene.Width)} {N(scene.Height)}\" ");
        s.Append("font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\">\n");
        s.Append($"<rect x=\"0\" y=\"0\" width=\"{N(scene.Width)}\" height=\"{N(scene.Height)}\" fill=\"#ffffff\"/>\n");
        foreach (var shape in scene.Shapes)
        {
            switch (shape)
            {
                case LineShape l:
                    s.Append("<polyline fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"");
                    s.AppendJoin(' ', l.Points.Select(p => N(p.X) + "," + N(p.Y)));
                    s.Append($"\"{Paint("stroke", l.Color)} stroke-width=\"{N(l.Width)}\"/>\n");
                    break;
                case SegmentsShape g:
                    s.Append("<path fill=\"none\" stroke-linecap=\"round\" d=\"");
                    s.AppendJoin(' ', g.Segments.Select(q => $"M{N(q.X1)} {N(q.Y1)}L{N(q.X2)} {N(q.Y2)}"));
                    s.Append($"\"{Paint("stroke", g.Color)} stroke-width=\"{N(g.Width)}\"/>\n");
                    break;
                case RectShape r:
                    s.Append($"<rect x=\"{N(r.X)}\" y=\"{N(r.Y)}\" width=\"{N(r.W)}\" height=\"{N(r.H)}\"{Paint("fill", r.Fill)}");
                    if (r.Stroke is { } stroke) s.Append($"{Paint("stroke", stroke)} stroke-width=\"1\"");
                    s.Append("/>\n");
                    break;
                case CircleShape c:
                    s.Append($"<circle cx=\"{N(c.X)}\" cy=\"{N(c.Y)}\" r=\"{N(c.R)}\"{Paint("fill", c.Fill)}/>\n");
                    break;
                case TextShape t:
                    var anchor = t.Anchor switch { TextAnchor.Start => "start", TextAnchor.Middle => "middle", _ => "end" };
                    s.Append($"<text x=\"{N(t.X)}\" y=\"{N(t.Y)}\" font-size=\"{10 * t.Size}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\"{Paint("fill", t.Color)}");
                    if (t.Vertical) s.Append($" transform=\"rotate(-90 {N(t.X)} {N(t.Y)})\"");
                    s.Append($">{SecurityElement.Escape(t.Text)}</text>\n");
                    break;
                case ImageShape i:
                    s.Append($"<image x=\"{N(i.X)}\" y=\"{N(i.Y)}\" width=\"{N(i.W)}\" height=\"{N(i.H)}\" preserveAspectRatio=\"none\" ");
                    s.Append($"style=\"image-rendering:pixelated\" href=\"{i.Image.ToDataUri()}\"/>\n");
                    break;
            }
        }
        s.Append("</svg>\n");
        return s.ToString();
    }

    /// <summary>fill="#rrggbb" (plus fill-opacity when translucent); the same for stroke.</summary>
    private static string Paint(string property, Rgba c) =>
        $" {property}=\"{c.ToHex()}\"" + (c.A == 255 ? "" : $" {property}-opacity=\"{N(c.A / 255.0)}\"");

    private static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
