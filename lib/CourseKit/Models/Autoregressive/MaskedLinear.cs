using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A fully connected layer whose weight is multiplied by a fixed 0/1 connectivity mask,
/// <code>
/// y = x (W ⊙ M)^T + b      x (*, in), W and M (out, in), y (*, out)
/// </code>
/// the building block of MADE (Germain, Gregor, Murray &amp; Larochelle 2015, "MADE: Masked
/// Autoencoder for Distribution Estimation", equations 10 and 11). W and b are initialised as in
/// <see cref="Modules.Linear"/>; the masked entries receive zero gradient.
/// </summary>
public sealed class MaskedLinear : nn.Module<Tensor, Tensor>
{
    public MaskedLinear(long in_features, long out_features, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (in_features <= 0 || out_features <= 0)
            throw new ArgumentException($"{nameof(MaskedLinear)}: in_features and out_features must be positive, got {in_features} and {out_features}");
        if (mask.dim() != 2 || mask.shape[0] != out_features || mask.shape[1] != in_features)
            throw new ArgumentException($"{nameof(MaskedLinear)}: the mask must be (out_features, in_features) = ({out_features}, {in_features}), got [{string.Join(", ", mask.shape)}]");
        this.in_features = in_features;
        this.out_features = out_features;
        weight = new nn.Parameter(empty([out_features, in_features]));        // (out, in)
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        bias = new nn.Parameter(empty([out_features]));                       // (out)
        var bound = 1 / Math.Sqrt(in_features);
        nn.init.uniform_(bias, -bound, bound);
        this.mask = mask.to(ScalarType.Float32);                              // (out, in)
        RegisterComponents();
    }

    public long in_features { get; }
    public long out_features { get; }
    public nn.Parameter weight { get; }
    public nn.Parameter bias { get; }

    /// <summary>The connectivity mask M, (out, in): a buffer.</summary>
    public Tensor mask { get; }

    public override Tensor forward(Tensor input)
    {
        if (input.dim() == 0 || input.shape[^1] != in_features)
            throw new TorchException($"{this}.forward({input.Describe()})", $"expected an input of shape (*, {in_features})");
        using var masked = weight.mul(mask);                                  // W ⊙ M, (out, in)
        return nn.functional.linear(input, masked, bias);                     // (*, out)
    }

    protected override string extra_repr() => $"in_features={in_features}, out_features={out_features}, masked";
}
