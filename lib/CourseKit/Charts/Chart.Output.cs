using CourseKit.Display;
using CourseKit.Imaging;

namespace CourseKit.Charts;

[TypeFormatterSource(typeof(RichDisplayFormatterSource), PreferredMimeTypes = [DisplayOutput.Html, DisplayOutput.Png, DisplayOutput.PlainText])]
public sealed partial record Chart : IRichDisplay
{
    /// <summary>
    /// Notebook display: the HTML snippet (interactive where plotly.js is loaded) and the static PNG,
    /// so stored notebooks render on GitHub, nbviewer and offline.
    /// </summary>
    public DisplayOutput ToDisplay() =>
        DisplayOutput.FromPng(ToPng(), ToString()).With(DisplayOutput.Html, ToHtml());

    /// <summary>The plotly.js figure <c>{"data": [...], "layout": {...}}</c> as JSON, for <c>Plotly.newPlot(el, fig.data, fig.layout)</c>.</summary>
    public string ToPlotlyJson() => PlotlyFigure.Write(this);

    /// <summary>A static SVG document of the chart.</summary>
    public string ToSvg() => SvgRenderer.Render(ChartLayout.Render(this));

    /// <summary>The static chart rasterised by CourseKit: <paramref name="pixelRatio"/> device pixels per CSS pixel.</summary>
    public Image ToImage(int pixelRatio = 2) => Rasterizer.Render(ChartLayout.Render(this), pixelRatio);

    /// <summary>The static chart as a PNG file's bytes (see <see cref="ToImage"/>).</summary>
    public byte[] ToPng(int pixelRatio = 2) => ToImage(pixelRatio).ToPng();

    /// <summary>
    /// An HTML snippet: the static PNG, replaced by the interactive plotly.js chart where plotly.js is
    /// loaded (a global Plotly or a RequireJS module "plotly") or can be loaded from <paramref name="plotlyUrl"/>.
    /// </summary>
    public string ToHtml(string? plotlyUrl = null) => ChartHtml.Snippet(this, plotlyUrl);

    /// <summary>
    /// Saves by extension: .png (static, pixel ratio 2), .svg, .json (plotly figure), or .html, a standalone
    /// page that embeds plotly.js from <paramref name="plotlyJsPath"/> or, when null, the first plotly.min.js
    /// found ($COURSEKIT_PLOTLY_JS, then plotly.min.js or node_modules/plotly.js-dist-min/plotly.min.js in the
    /// current folder or above; get it with <c>npm install plotly.js-dist-min</c>); without one the page shows the static image.
    /// </summary>
    public void Save(string path, string? plotlyJsPath = null)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        switch (ext)
        {
            case ".png": File.WriteAllBytes(path, ToPng()); break;
            case ".svg": File.WriteAllText(path, ToSvg()); break;
            case ".json": File.WriteAllText(path, ToPlotlyJson()); break;
            case ".html" or ".htm": File.WriteAllText(path, ChartHtml.Page(this, plotlyJsPath)); break;
            default: throw new ArgumentException($"Chart.Save: unknown extension '{ext}' in {path}; use .png, .svg, .html or .json", nameof(path));
        }
    }
}
