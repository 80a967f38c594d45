using CourseKit.Imaging;

namespace CourseKit.Charts;

/// <summary>
/// The drawing primitives a chart is made of, in figure coordinates (CSS pixels, origin top-left,
/// y down). <see cref="SvgRenderer"/> and <see cref="Rasterizer"/> draw the same list, so the SVG
/// and the PNG of a chart agree.
/// </summary>
internal abstract record Shape;

/// <summary>A polyline (not closed, not filled).</summary>
internal sealed record LineShape(IReadOnlyList<(double X, double Y)> Points, Rgba Color, double Width) : Shape;

/// <summary>Unconnected line segments of one colour (contour lines).</summary>
internal sealed record SegmentsShape(IReadOnlyList<(double X1, double Y1, double X2, double Y2)> Segments, Rgba Color, double Width) : Shape;

/// <summary>A filled axis-aligned rectangle, optionally outlined (1 px).</summary>
internal sealed record RectShape(double X, double Y, double W, double H, Rgba Fill, Rgba? Stroke = null) : Shape;

/// <summary>A filled disc.</summary>
internal sealed record CircleShape(double X, double Y, double R, Rgba Fill) : Shape;

internal enum TextAnchor { Start, Middle, End }

/// <summary>
/// One line of text whose anchor point (left end, middle or right end) is at (X, Y), Y being the
/// text's vertical middle. Size 1 is the 5 x 7 bitmap font at one pixel per font pixel (10 px type in SVG).
/// Vertical text reads bottom to top, its anchor measured along the rotated line.
/// </summary>
internal sealed record TextShape(double X, double Y, string Text, Rgba Color, int Size = 1, TextAnchor Anchor = TextAnchor.Start, bool Vertical = false) : Shape;

/// <summary>An image stretched over a rectangle, drawn with nearest-neighbour sampling.</summary>
internal sealed record ImageShape(double X, double Y, double W, double H, Image Image) : Shape;

/// <summary>A figure: its size in CSS pixels and its shapes in drawing order, on a white background.</summary>
internal sealed class Scene(double width, double height)
{
    public double Width { get; } = width;

    public double Height { get; } = height;

    public List<Shape> Shapes { get; } = [];

    public void Add(Shape shape) => Shapes.Add(shape);
}
