using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// Transposed 2-D convolution (learned upsampling): (B, C_in, H, W) to (B, C_out, H', W') with
/// H' = (H - 1) stride - 2 padding + dilation (k - 1) + output_padding + 1. Weight
/// (C_in, C_out / groups, kH, kW) and bias are initialised as in PyTorch (see <see cref="ConvInit"/>).
/// </summary>
public sealed class ConvTranspose2d : nn.Module<Tensor, Tensor>
{
    public ConvTranspose2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride,
        (long, long) padding, (long, long) output_padding, long groups, bool bias, (long, long) dilation)
    {
        ConvInit.CheckGroups(nameof(ConvTranspose2d), in_channels, out_channels, groups);
        if (output_padding.Item1 >= Math.Max(stride.Item1, dilation.Item1) || output_padding.Item2 >= Math.Max(stride.Item2, dilation.Item2))
            throw new ArgumentException($"ConvTranspose2d: output_padding {output_padding} must be smaller than stride {stride} or dilation {dilation}");
        this.in_channels = in_channels;
        this.out_channels = out_channels;
        this.kernel_size = [kernel_size.Item1, kernel_size.Item2];
        this.stride = [stride.Item1, stride.Item2];
        this.padding = [padding.Item1, padding.Item2];
        this.output_padding = [output_padding.Item1, output_padding.Item2];
        this.dilation = [dilation.Item1, dilation.Item2];
        this.groups = groups;
        (weight, this.bias) = ConvInit.Create([in_channels, out_channels / groups, .. this.kernel_size], out_channels, bias);
        register_parameter("weight", weight);
        register_parameter("bias", this.bias);
    }

    public long in_channels { get; }
    public long out_channels { get; }
    public long[] kernel_size { get; }
    public long[] stride { get; }
    public long[] padding { get; }
    public long[] output_padding { get; }
    public long[] dilation { get; }
    public long groups { get; }
    public nn.Parameter weight { get; }
    public nn.Parameter? bias { get; }

    public override Tensor forward(Tensor input)
    {
        ConvInit.CheckInput(this, input, in_channels);
        return nn.functional.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation);   // (B, C_out, H', W')
    }

    protected override string extra_repr()
    {
        var text = $"{in_channels}, {out_channels}, kernel_size={Py(kernel_size)}, stride={Py(stride)}";
        if (padding.Any(p => p != 0)) text += $", padding={Py(padding)}";
        if (dilation.Any(d => d != 1)) text += $", dilation={Py(dilation)}";
        if (output_padding.Any(p => p != 0)) text += $", output_padding={Py(output_padding)}";
        if (groups != 1) text += $", groups={groups}";
        if (bias is null) text += ", bias=False";
        return text;
    }
}
