using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// 2-D convolution: (B, C_in, H, W) to (B, C_out, H', W') with
/// H' = floor((H + 2 padding - dilation (k - 1) - 1) / stride) + 1. Weight (C_out, C_in / groups, kH, kW)
/// and bias are initialised as in PyTorch (see <see cref="ConvInit"/>).
/// </summary>
public sealed class Conv2d : nn.Module<Tensor, Tensor>
{
    public Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride,
        (long, long) padding, (long, long) dilation, long groups = 1, bool bias = true)
    {
        ConvInit.CheckGroups(nameof(Conv2d), in_channels, out_channels, groups);
        this.in_channels = in_channels;
        this.out_channels = out_channels;
        this.kernel_size = [kernel_size.Item1, kernel_size.Item2];
        this.stride = [stride.Item1, stride.Item2];
        this.padding = [padding.Item1, padding.Item2];
        this.dilation = [dilation.Item1, dilation.Item2];
        this.groups = groups;
        (weight, this.bias) = ConvInit.Create([out_channels, in_channels / groups, .. this.kernel_size], out_channels, bias);
        register_parameter("weight", weight);
        register_parameter("bias", this.bias);
    }

    public long in_channels { get; }
    public long out_channels { get; }
    public long[] kernel_size { get; }
    public long[] stride { get; }
    public long[] padding { get; }
    public long[] dilation { get; }
    public long groups { get; }
    public nn.Parameter weight { get; }
    public nn.Parameter? bias { get; }

    public override Tensor forward(Tensor input)
    {
        ConvInit.CheckInput(this, input, in_channels);
        return nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);   // (B, C_out, H', W')
    }

    protected override string extra_repr()
    {
        var text = $"{in_channels}, {out_channels}, kernel_size={Py(kernel_size)}, stride={Py(stride)}";
        if (padding.Any(p => p != 0)) text += $", padding={Py(padding)}";
        if (dilation.Any(d => d != 1)) text += $", dilation={Py(dilation)}";
        if (groups != 1) text += $", groups={groups}";
        if (bias is null) text += ", bias=False";
        return text;
    }
}
