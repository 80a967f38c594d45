using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// In training mode, zeroes each element with probability p and scales the rest by 1 / (1 - p)
/// (Srivastava et al., JMLR 2014); in evaluation mode, the identity.
/// </summary>
public sealed class Dropout : nn.Module<Tensor, Tensor>
{
    public Dropout(double p = 0.5)
    {
        if (p < 0 || p > 1) throw new ArgumentException($"Dropout: p must lie in [0, 1], got {p}");
        this.p = p;
    }

    public double p { get; }

    public override Tensor forward(Tensor input) => nn.functional.dropout(input, p, training);

    protected override string extra_repr() => $"p={Py(p)}, inplace=False";
}
