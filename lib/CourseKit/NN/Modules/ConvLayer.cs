using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// What <see cref="Conv2d"/> and <see cref="ConvTranspose2d"/> share, as PyTorch's <c>_ConvNd</c>: the
/// geometry, the weight and bias (initialised by <see cref="ConvInit"/>), the input check and the
/// printed form. The weight is (C_out, C_in / groups, kH, kW), or (C_in, C_out / groups, kH, kW) when transposed.
/// </summary>
public abstract class ConvLayer : nn.Module<Tensor, Tensor>
{
    private protected ConvLayer(string layer, long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride,
        (long, long) padding, (long, long) dilation, long groups, bool bias, bool transposed)
    {
        ConvInit.CheckGroups(layer, in_channels, out_channels, groups);
        this.in_channels = in_channels;
        this.out_channels = out_channels;
        this.kernel_size = [kernel_size.Item1, kernel_size.Item2];
        this.stride = [stride.Item1, stride.Item2];
        this.padding = [padding.Item1, padding.Item2];
        this.dilation = [dilation.Item1, dilation.Item2];
        this.groups = groups;
        long[] weightShape = transposed
            ? [in_channels, out_channels / groups, .. this.kernel_size]
            : [out_channels, in_channels / groups, .. this.kernel_size];
        (weight, this.bias) = ConvInit.Create(weightShape, out_channels, bias);
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

    public sealed override Tensor forward(Tensor input)
    {
        ConvInit.CheckInput(this, input, in_channels);
        return Convolve(input);   // (B, C_out, H', W')
    }

    /// <summary>The convolution itself, on an input whose channels were checked.</summary>
    private protected abstract Tensor Convolve(Tensor input);

    /// <summary>Settings printed after dilation and before groups (the transposed layer's output_padding).</summary>
    private protected virtual string ExtraSettings() => "";

    protected override string extra_repr()
    {
        var text = $"{in_channels}, {out_channels}, kernel_size={Py(kernel_size)}, stride={Py(stride)}";
        if (padding.Any(p => p != 0)) text += $", padding={Py(padding)}";
        if (dilation.Any(d => d != 1)) text += $", dilation={Py(dilation)}";
        text += ExtraSettings();
        if (groups != 1) text += $", groups={groups}";
        if (bias is null) text += ", bias=False";
        return text;
    }
}
