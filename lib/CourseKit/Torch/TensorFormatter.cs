using System.Globalization;
using System.Text;

namespace CourseKit;

/// <summary>
/// PyTorch-style text for a tensor: nested brackets, values aligned, long dimensions elided
/// with "..." (the first and last three entries shown), then shape and dtype.
/// </summary>
internal static class TensorFormatter
{
    private const int EdgeItems = 3;
    private const long SummarizeAbove = 1000;

    public static string Format(torch.Tensor tensor)
    {
        var shape = tensor.shape;
        var dtype = tensor.dtype;
        using var values = tensor.detach().to(torch.ScalarType.Float64, torch.CPU);
        var data = values.ToArray<double>();
        var summarize = data.LongLength > SummarizeAbove;
        var isFloat = dtype.IsFloatingPoint();
        var cells = data.Select(v => Cell(v, isFloat, dtype)).ToArray();
        var width = cells.Length == 0 ? 0 : cells.Max(c => c.Length);

        var text = new StringBuilder("tensor(");
        if (shape.Length == 0) text.Append(cells[0]);
        else Append(text, cells, shape, 0, 0, width, summarize, indent: 8);
        text.Append($", shape=[{string.Join(", ", shape)}], dtype={dtype.Name()}");
        var device = tensor.device;
        if (device.type != torch.DeviceType.CPU) text.Append($", device={device}");
        if (tensor.requires_grad) text.Append(", requires_grad=true");
        return text.Append(')').ToString();
    }

    private static string Cell(double v, bool isFloat, torch.ScalarType dtype)
    {
        if (dtype == torch.ScalarType.Bool) return v != 0 ? "true" : "false";
        if (!isFloat) return ((long)v).ToString(CultureInfo.InvariantCulture);
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        var a = Math.Abs(v);
        return a != 0 && (a >= 1e5 || a < 1e-4)
            ? v.ToString("0.0000e+00", CultureInfo.InvariantCulture)
            : v.ToString("0.0000", CultureInfo.InvariantCulture);
    }

    private static void Append(StringBuilder text, string[] cells, long[] shape, int d, long offset, int width, bool summarize, int indent)
    {
        long stride = 1;
        for (var k = d + 1; k < shape.Length; k++) stride *= shape[k];
        text.Append('[');
        var n = shape[d];
        var elide = summarize && n > 2 * EdgeItems;
        var first = true;
        for (long i = 0; i < n; i++)
        {
            if (elide && i == EdgeItems)
            {
                text.Append(d == shape.Length - 1 ? ", ..." : ",\n" + new string(' ', indent + d + 1) + "...");
                i = n - EdgeItems - 1;
                continue;
            }
            if (!first)
                text.Append(d == shape.Length - 1 ? ", " : "," + new string('\n', shape.Length - d - 1) + new string(' ', indent + d + 1));
            first = false;
            if (d == shape.Length - 1) text.Append(cells[offset + i].PadLeft(width));
            else Append(text, cells, shape, d + 1, offset + i * stride, width, summarize, indent);
        }
        text.Append(']');
    }
}
