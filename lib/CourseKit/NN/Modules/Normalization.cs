using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// Group normalisation (Wu and He, ECCV 2018) of (N, C, *): statistics over each group of
/// C / num_groups channels and all positions, then per-channel weight (ones) and bias (zeros).
/// </summary>
public sealed class GroupNorm : nn.Module<Tensor, Tensor>
{
    public GroupNorm(long num_groups, long num_channels, double eps = 1e-5, bool affine = true)
    {
        if (num_groups <= 0 || num_channels <= 0 || num_channels % num_groups != 0)
            throw new ArgumentException($"GroupNorm: num_channels ({num_channels}) must be a positive multiple of num_groups ({num_groups})");
        this.num_groups = num_groups;
        this.num_channels = num_channels;
        this.eps = eps;
        this.affine = affine;
        if (affine)
        {
            weight = new nn.Parameter(ones([num_channels]));   // (C)
            bias = new nn.Parameter(zeros([num_channels]));    // (C)
        }
        register_parameter("weight", weight);
        register_parameter("bias", bias);
    }

    public long num_groups { get; }
    public long num_channels { get; }
    public double eps { get; }
    public bool affine { get; }
    public nn.Parameter? weight { get; }
    public nn.Parameter? bias { get; }

    public override Tensor forward(Tensor input) => nn.functional.group_norm(input, num_groups, weight, bias, eps);

    protected override string extra_repr() => $"{num_groups}, {num_channels}, eps={Py(eps)}, affine={Py(affine)}";
}

/// <summary>
/// Layer normalisation (Ba et al., 2016): each input is normalised over its last dimensions,
/// <see cref="normalized_shape"/>, then scaled and shifted elementwise (weight ones, bias zeros).
/// </summary>
public sealed class LayerNorm : nn.Module<Tensor, Tensor>
{
    public LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true)
    {
        if (normalized_shape.Length == 0 || normalized_shape.Any(s => s <= 0))
            throw new ArgumentException($"LayerNorm: normalized_shape must be non-empty and positive, got [{string.Join(", ", normalized_shape)}]");
        this.normalized_shape = (long[])normalized_shape.Clone();
        this.eps = eps;
        this.elementwise_affine = elementwise_affine;
        if (elementwise_affine)
        {
            weight = new nn.Parameter(ones(this.normalized_shape));
            bias = new nn.Parameter(zeros(this.normalized_shape));
        }
        register_parameter("weight", weight);
        register_parameter("bias", bias);
    }

    public long[] normalized_shape { get; }
    public double eps { get; }
    public bool elementwise_affine { get; }
    public nn.Parameter? weight { get; }
    public nn.Parameter? bias { get; }

    public override Tensor forward(Tensor input) => nn.functional.layer_norm(input, normalized_shape, weight, bias, eps);

    protected override string extra_repr() =>
        $"{Py(normalized_shape)}, eps={Py(eps)}, elementwise_affine={Py(elementwise_affine)}";
}
