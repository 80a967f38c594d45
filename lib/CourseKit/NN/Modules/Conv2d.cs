using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// 2-D convolution: (B, C_in, H, W) to (B, C_out, H', W') with
/// H' = floor((H + 2 padding - dilation (k - 1) - 1) / stride) + 1. Weight (C_out, C_in / groups, kH, kW)
/// and bias are initialised as in PyTorch (see <see cref="ConvInit"/>).
/// </summary>
public sealed class Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride,
    (long, long) padding, (long, long) dilation, long groups = 1, bool bias = true)
    : ConvLayer(nameof(Conv2d), in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, transposed: false)
{
    private protected override Tensor Convolve(Tensor input) =>
        nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
}
