using CourseKit.Imaging;
using SP = ScottPlot;

namespace CourseKit.Charts;

/// <summary>
/// A picture stretched over the data rectangle [x.lo, x.hi] x [y.lo, y.hi] (its top row at y.hi):
/// an image grid, or a latent-space grid whose axes are the latent coordinates. plotly.js gets it
/// as a layout image (layout.images, placed in axis units) plus an invisible marker trace at the
/// corners so the axes exist and span the rectangle.
/// </summary>
internal sealed class ImageTrace(Image image, (double Lo, double Hi) x, (double Lo, double Hi) y) : Trace
{
    internal override Extent? Bounds(bool logY) => new Extent(x.Lo, x.Hi, y.Lo, y.Hi, PadX: false, PadY: false);

    internal override IEnumerable<Plotly.NET.Trace> ToPlotly(TraceStyle style) =>
    [
        PlotlyTrace("scatter",
            ("mode", "markers"), ("showlegend", false), ("hoverinfo", "skip"),
            ("x", Numbers([x.Lo, x.Hi])), ("y", Numbers([y.Lo, y.Hi])), ("marker", new { opacity = 0 })),
    ];

    internal override IEnumerable<object> PlotlyImages =>
    [
        new
        {
            source = image.ToDataUri(), xref = "x", yref = "y", x = x.Lo, y = y.Hi, sizex = x.Hi - x.Lo, sizey = y.Hi - y.Lo,
            xanchor = "left", yanchor = "top", sizing = "stretch", layer = "above",
        },
    ];

    internal override void AddTo(SP.Plot plot, TraceStyle style)
    {
        var rect = plot.Add.ImageRect(new SP.Image(image.ToPng()), new SP.CoordinateRect(x.Lo, x.Hi, y.Lo, y.Hi));
        rect.AntiAlias = false;   // pixels stay sharp squares, as the image shows them
    }
}
