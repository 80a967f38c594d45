using System.Globalization;
using System.Net;
using System.Text;

namespace CourseKit.Display;

/// <summary>
/// How a tensor shows in a notebook: <c>text/plain</c> is the PyTorch-style text (long dimensions
/// elided); <c>text/html</c> is a header (shape, dtype, device, grad flag) and, for a 2-D tensor
/// of at most <see cref="MaxTableSide"/> rows and columns (or a short 1-D one), a table of the
/// values, otherwise the text in a <c>pre</c>.
/// </summary>
internal static class TensorDisplay
{
    public const int MaxTableSide = 24;

    public static DisplayOutput ToDisplay(torch.Tensor tensor)
    {
        if (tensor.IsInvalid) return DisplayOutput.FromHtml("<code>Tensor(disposed)</code>", "Tensor(disposed)");
        var text = TensorFormatter.Format(tensor);
        var html = new StringBuilder("<div class=\"coursekit-tensor\">");
        html.Append("<div><code>").Append(WebUtility.HtmlEncode(tensor.Describe())).Append("</code></div>");
        var shape = tensor.shape;
        var table = shape.Length switch
        {
            1 => shape[0] <= MaxTableSide ? (1L, shape[0]) : ((long, long)?)null,
            2 => shape[0] <= MaxTableSide && shape[1] <= MaxTableSide ? (shape[0], shape[1]) : null,
            _ => null,
        };
        if (table is var (rows, columns) && rows * columns > 0) AppendTable(html, tensor, rows, columns);
        else html.Append("<pre>").Append(WebUtility.HtmlEncode(text)).Append("</pre>");
        return DisplayOutput.FromHtml(html.Append("</div>").ToString(), text);
    }

    private static void AppendTable(StringBuilder html, torch.Tensor tensor, long rows, long columns)
    {
        var dtype = tensor.dtype;
        using var detached = tensor.detach();
        using var values = detached.to(torch.ScalarType.Float64, torch.CPU);
        var data = values.ToArray<double>();
        html.Append("<table style=\"border-collapse:collapse;font-family:monospace;text-align:right\">");
        for (long r = 0; r < rows; r++)
        {
            html.Append("<tr>");
            for (long c = 0; c < columns; c++)
                html.Append("<td style=\"padding:1px 6px;border:1px solid #ddd\">")
                    .Append(Cell(data[r * columns + c], dtype)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</table>");
    }

    private static string Cell(double v, torch.ScalarType dtype)
    {
        if (dtype == torch.ScalarType.Bool) return v != 0 ? "true" : "false";
        if (!dtype.IsFloatingPoint()) return ((long)v).ToString(CultureInfo.InvariantCulture);
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        var a = Math.Abs(v);
        return v.ToString(a != 0 && (a >= 1e5 || a < 1e-4) ? "0.0000e+00" : "0.0000", CultureInfo.InvariantCulture);
    }
}
