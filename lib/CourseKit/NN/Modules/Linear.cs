using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// y = x W^T + b for x (*, in_features) giving (*, out_features). W (out, in) is initialised with
/// kaiming_uniform_(a = sqrt(5)), i.e. U(-1/sqrt(in), 1/sqrt(in)), and b with U(-1/sqrt(in), 1/sqrt(in)), as in PyTorch.
/// </summary>
public sealed class Linear : nn.Module<Tensor, Tensor>
{
    public Linear(long in_features, long out_features, bool hasBias = true)
    {
        if (in_features <= 0 || out_features <= 0)
            throw new ArgumentException($"Linear: in_features and out_features must be positive, got {in_features} and {out_features}");
        this.in_features = in_features;
        this.out_features = out_features;
        weight = new nn.Parameter(empty([out_features, in_features]));     // (out, in)
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        register_parameter("weight", weight);
        if (hasBias)
        {
            bias = new nn.Parameter(empty([out_features]));                   // (out)
            var bound = 1 / Math.Sqrt(in_features);
            nn.init.uniform_(bias, -bound, bound);
        }
        register_parameter("bias", bias);
    }

    public long in_features { get; }
    public long out_features { get; }
    public nn.Parameter weight { get; }
    public nn.Parameter? bias { get; }

    public override Tensor forward(Tensor input)
    {
        var shape = input.shape;
        if (shape.Length == 0 || shape[^1] != in_features)
            throw new TorchException($"{this}.forward({input.Describe()})",
                $"expected an input of shape (*, {in_features}): the last dimension must be in_features");
        return nn.functional.linear(input, weight, bias);                   // (*, out)
    }

    protected override string extra_repr() =>
        $"in_features={in_features}, out_features={out_features}, bias={Py(bias is not null)}";
}
