using CourseKit.Native;
using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>Flattens dimensions start_dim..end_dim into one: (B, C, H, W) to (B, C*H*W) by default.</summary>
public sealed class Flatten(long start_dim = 1, long end_dim = -1) : nn.Module<Tensor, Tensor>
{
    public long start_dim { get; } = start_dim;
    public long end_dim { get; } = end_dim;

    public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);

    protected override string extra_repr() => $"start_dim={start_dim}, end_dim={end_dim}";
}

/// <summary>Splits dimension dim into unflattened_size: (B, 12) with dim 1, sizes (3, 4) to (B, 3, 4).</summary>
public sealed class Unflatten(long dim, long[] unflattened_size) : nn.Module<Tensor, Tensor>
{
    public long dim { get; } = dim;
    public long[] unflattened_size { get; } = (long[])unflattened_size.Clone();

    public override Tensor forward(Tensor input) => input.unflatten(dim, unflattened_size);

    protected override string extra_repr() => $"dim={dim}, unflattened_size={Py(unflattened_size)}";
}

/// <summary>Passes its input through (a new handle to the same tensor, which the caller may dispose).</summary>
public sealed class Identity : nn.Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => Dispatch.Tensor("aten::alias", "", input);
}

/// <summary>
/// Resizes (B, C, H, W) images to a fixed size or by a scale factor, with mode "nearest" or
/// "bilinear"; see <see cref="nn.functional.interpolate(Tensor, long[], double[], string, bool?)"/>.
/// </summary>
public sealed class Upsample : nn.Module<Tensor, Tensor>
{
    public Upsample(long[]? size = null, double? scale_factor = null, string mode = "nearest", bool? align_corners = null)
    {
        if ((size is null) == (scale_factor is null))
            throw new ArgumentException("Upsample: give exactly one of size and scale_factor");
        if (mode is not ("nearest" or "bilinear"))
            throw new ArgumentException($"Upsample: mode must be \"nearest\" or \"bilinear\", got \"{mode}\"");
        if (mode == "nearest" && align_corners is not null)
            throw new ArgumentException("Upsample: align_corners applies to mode \"bilinear\" only");
        this.size = size is null ? null : (long[])size.Clone();
        this.scale_factor = scale_factor;
        this.mode = mode;
        this.align_corners = align_corners;
    }

    public long[]? size { get; }
    public double? scale_factor { get; }
    public string mode { get; }
    public bool? align_corners { get; }

    public override Tensor forward(Tensor input) =>
        nn.functional.interpolate(input, size, scale_factor is double s ? [s, s] : null, mode, align_corners);   // (B, C, H', W')

    protected override string extra_repr() =>
        (scale_factor is double s ? $"scale_factor={Py(s)}" : $"size={Py(size!)}") + $", mode={mode}";
}
