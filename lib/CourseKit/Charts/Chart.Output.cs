using CourseKit.Display;
using Plotly.NET;

namespace CourseKit.Charts;

[TypeFormatterSource(typeof(RichDisplayFormatterSource), PreferredMimeTypes = [DisplayOutput.PlotlyJson, DisplayOutput.Png, DisplayOutput.PlainText])]
public sealed partial record Chart : IRichDisplay
{
    /// <summary>
    /// Notebook display: the Plotly.NET figure as plotly.js JSON (<c>application/vnd.plotly.v1+json</c>, drawn
    /// interactively by VS Code's and JupyterLab's plotly renderers and by CourseKit's HTML pages, no CDN) and
    /// the static PNG beside it, which GitHub, nbviewer and offline viewers show.
    /// </summary>
    public DisplayOutput ToDisplay() =>
        DisplayOutput.FromPng(ToPng(), ToString()).With(DisplayOutput.PlotlyJson, ToPlotlyJson());

    /// <summary>The chart as a Plotly.NET figure, to restyle or combine with Plotly.NET's own functions.</summary>
    public GenericChart ToGenericChart() => PlotlyFigure.Build(this);

    /// <summary>The plotly.js figure <c>{"data": [...], "layout": {...}}</c> as JSON (Plotly.NET's serialisation).</summary>
    public string ToPlotlyJson() => GenericChart.toFigureJson(ToGenericChart());

    /// <summary>A static SVG document of the chart, drawn by ScottPlot.</summary>
    public string ToSvg() => StaticChart.Svg(this);

    /// <summary>The static chart drawn by ScottPlot as PNG bytes: <paramref name="pixelRatio"/> device pixels per CSS pixel.</summary>
    public byte[] ToPng(int pixelRatio = 2) => StaticChart.Png(this, pixelRatio);

    /// <summary>
    /// An HTML snippet: the static PNG, replaced by the interactive plotly.js chart where plotly.js is
    /// loaded (a global Plotly or a RequireJS module "plotly") or can be loaded from <paramref name="plotlyUrl"/>.
    /// </summary>
    public string ToHtml(string? plotlyUrl = null) => ChartHtml.Snippet(this, plotlyUrl);

    /// <summary>
    /// Saves by extension: .png (static, pixel ratio 2), .svg, .json (plotly figure), or .html, a standalone
    /// page that embeds plotly.js from <paramref name="plotlyJsPath"/> or, when null, the kit's copy
    /// (<see cref="WebAssets.PlotlyJs"/>); without one the page shows the static image.
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
