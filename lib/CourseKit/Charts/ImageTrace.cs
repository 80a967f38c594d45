using System.Text.Json;
using CourseKit.Imaging;

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

    internal override void Draw(Scene scene, PlotFrame frame)
    {
        double left = frame.PixelX(x.Lo), right = frame.PixelX(x.Hi), top = frame.PixelY(y.Hi), bottom = frame.PixelY(y.Lo);
        scene.Add(new ImageShape(left, top, right - left, bottom - top, image));
    }

    internal override void WritePlotly(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "markers");
        json.WriteBoolean("showlegend", false);
        json.WriteString("hoverinfo", "skip");
        WriteNumbers(json, "x", [x.Lo, x.Hi]);
        WriteNumbers(json, "y", [y.Lo, y.Hi]);
        json.WriteStartObject("marker");
        json.WriteNumber("opacity", 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal override void WritePlotlyImages(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("source", image.ToDataUri());
        json.WriteString("xref", "x");
        json.WriteString("yref", "y");
        json.WriteNumber("x", x.Lo);
        json.WriteNumber("y", y.Hi);
        json.WriteNumber("sizex", x.Hi - x.Lo);
        json.WriteNumber("sizey", y.Hi - y.Lo);
        json.WriteString("xanchor", "left");
        json.WriteString("yanchor", "top");
        json.WriteString("sizing", "stretch");
        json.WriteString("layer", "above");
        json.WriteEndObject();
    }
}
