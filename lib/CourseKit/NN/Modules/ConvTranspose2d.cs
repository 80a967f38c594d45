using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// Transposed 2-D convolution (learned upsampling): (B, C_in, H, W) to (B, C_out, H', W') with
/// H' = (H - 1) stride - 2 padding + dilation (k - 1) + output_padding + 1. Weight
/// (C_in, C_out / groups, kH, kW) and bias are initialised as in PyTorch (see <see cref="ConvInit"/>).
/// </summary>
public sealed class ConvTranspose2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride,
    (long, long) padding, (long, long) output_padding, long groups, bool bias, (long, long) dilation)
    : ConvLayer(nameof(ConvTranspose2d), in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, transposed: true)
{
    /// <summary>Extra rows and columns added on one side of the output; checked before any weight is drawn.</summary>
    public long[] output_padding { get; } = ValidOutputPadding(output_padding, stride, dilation);

    private protected override Tensor Convolve(Tensor input) =>
        nn.functional.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation);

    private protected override string ExtraSettings() =>
        output_padding.Any(p => p != 0) ? $", output_padding={Py(output_padding)}" : "";

    private static long[] ValidOutputPadding((long, long) output_padding, (long, long) stride, (long, long) dilation) =>
        output_padding.Item1 >= Math.Max(stride.Item1, dilation.Item1) || output_padding.Item2 >= Math.Max(stride.Item2, dilation.Item2)
            ? throw new ArgumentException($"ConvTranspose2d: output_padding {output_padding} must be smaller than stride {stride} or dilation {dilation}")
            : [output_padding.Item1, output_padding.Item2];
}
