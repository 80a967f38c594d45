using CourseKit.Imaging;

namespace CourseKit.Notebooks.Figures;

/// <summary>
/// What makes a stored figure untrustworthy: a static image that is blank, a chart plotly.js cannot draw, draws
/// without data, or draws without its title or axis labels.
/// </summary>
public static class FigureCheck
{
    /// <summary>Below this share of pixels that differ from the background, a static image counts as blank.</summary>
    public const double MinimumInkShare = 0.005;

    /// <summary>What is wrong with the figure; empty when nothing is.</summary>
    /// <param name="figure">The figure as the notebook stores it.</param>
    /// <param name="svg">plotly.js's drawing of the chart (null for an image).</param>
    /// <param name="drawError">The error plotly.js raised instead, if any.</param>
    public static IReadOnlyList<string> Problems(NotebookFigure figure, string? svg, string? drawError)
    {
        var problems = new List<string>();
        if (figure.Png is null) problems.Add("no static PNG is stored, so GitHub, nbviewer and the HTML page show nothing offline");
        else if (InkShare(Image.FromPng(figure.Png)) is var ink && ink < MinimumInkShare)
            problems.Add($"the static PNG is blank ({ink * 100:F2}% of its pixels differ from the background)");
        if (figure.PlotlyJson is null) return problems;
        if (drawError is not null) return [.. problems, $"plotly.js could not draw the chart: {drawError}"];
        if (PlotlySvg.DataMarks(svg!) == 0) problems.Add("plotly.js drew the chart without any line, marker, bar or image");
        var text = PlotlySvg.Text(svg!);
        foreach (var label in figure.Labels)
            if (!text.Contains(label, StringComparison.Ordinal)) problems.Add($"plotly.js drew the chart without its label \"{label}\"");
        return problems;
    }

    /// <summary>The share of pixels that differ clearly (by more than 24 in some channel) from the top-left pixel, the background.</summary>
    public static double InkShare(Image image)
    {
        var rgb = image.ConvertTo(3).Pixels;
        var ink = 0;
        for (var i = 0; i < rgb.Length; i += 3)
            if (Math.Abs(rgb[i] - rgb[0]) > 24 || Math.Abs(rgb[i + 1] - rgb[1]) > 24 || Math.Abs(rgb[i + 2] - rgb[2]) > 24) ink++;
        return ink / (rgb.Length / 3.0);
    }
}
