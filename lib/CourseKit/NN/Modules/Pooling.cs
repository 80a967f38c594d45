using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>Maximum over square windows of (B, C, H, W): (B, C, H', W') with H' = floor((H + 2p - k) / s) + 1.</summary>
public sealed class MaxPool2d(long kernel_size, long? stride = null, long padding = 0) : nn.Module<Tensor, Tensor>
{
    public long kernel_size { get; } = kernel_size;
    public long stride { get; } = stride ?? kernel_size;
    public long padding { get; } = padding;

    public override Tensor forward(Tensor input) => nn.functional.max_pool2d(input, kernel_size, stride, padding);

    protected override string extra_repr() => $"kernel_size={kernel_size}, stride={stride}, padding={padding}, dilation=1, ceil_mode=False";
}

/// <summary>Mean over square windows of (B, C, H, W); the output size is as for <see cref="MaxPool2d"/>.</summary>
public sealed class AvgPool2d(long kernel_size, long? stride = null, long padding = 0) : nn.Module<Tensor, Tensor>
{
    public long kernel_size { get; } = kernel_size;
    public long stride { get; } = stride ?? kernel_size;
    public long padding { get; } = padding;

    public override Tensor forward(Tensor input) =>
        nn.functional.avg_pool2d(input, [kernel_size, kernel_size], [stride, stride], [padding, padding]);

    protected override string extra_repr() => $"kernel_size={kernel_size}, stride={stride}, padding={padding}";
}
