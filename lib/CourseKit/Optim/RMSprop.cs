using CourseKit.Optim;
using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// RMSprop (Hinton, Srivastava &amp; Swersky 2012, "Neural Networks for Machine Learning",
/// lecture 6e; centered variant from Graves 2013, "Generating Sequences With Recurrent Neural
/// Networks", eq. 38), exactly as PyTorch 1.13's <c>torch.optim.RMSprop</c>:
/// <code>
/// g_t = ∇θ f(θ_{t-1}) + λ θ_{t-1}
/// v_t = α v_{t-1} + (1 - α) g_t²
/// centered:  a_t = α a_{t-1} + (1 - α) g_t,   d_t = sqrt(v_t - a_t²) + ε;   else d_t = sqrt(v_t) + ε
/// momentum μ &gt; 0:  b_t = μ b_{t-1} + g_t / d_t,   θ_t = θ_{t-1} - γ b_t
/// otherwise:       θ_t = θ_{t-1} - γ g_t / d_t
/// </code>
/// Reference: https://pytorch.org/docs/1.13/generated/torch.optim.RMSprop.html
/// </summary>
public sealed class RMSprop : torch.optim.Optimizer
{
    private readonly Tensor?[] squareAvg;
    private readonly Tensor?[] gradAvg;
    private readonly Tensor?[] momentumBuffers;

    public RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
        double weight_decay = 0, double momentum = 0, bool centered = false) : base(nameof(RMSprop), parameters, lr)
    {
        if (!(alpha >= 0)) throw new ArgumentOutOfRangeException(nameof(alpha), $"RMSprop: invalid alpha {alpha}; it must be >= 0");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), $"RMSprop: invalid eps {eps}; it must be >= 0");
        if (!(weight_decay >= 0)) throw new ArgumentOutOfRangeException(nameof(weight_decay), $"RMSprop: invalid weight_decay {weight_decay}; it must be >= 0");
        if (!(momentum >= 0)) throw new ArgumentOutOfRangeException(nameof(momentum), $"RMSprop: invalid momentum {momentum}; it must be >= 0");
        Alpha = alpha;
        Eps = eps;
        WeightDecay = weight_decay;
        Momentum = momentum;
        Centered = centered;
        squareAvg = new Tensor?[Parameters.Count];
        gradAvg = new Tensor?[centered ? Parameters.Count : 0];
        momentumBuffers = new Tensor?[momentum > 0 ? Parameters.Count : 0];
    }

    public double Alpha { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public double Momentum { get; }
    public bool Centered { get; }

    private protected override void Update(Tensor[] parameters, Tensor[] grads, int[] index)
    {
        var g = WeightDecay != 0 ? Foreach.Add(grads, parameters, WeightDecay) : grads;
        InitZeros(squareAvg, parameters, index);
        var v = Select(squareAvg, index);
        Foreach.MulInPlace(v, Alpha);
        Foreach.AddcmulInPlace(v, g, g, 1 - Alpha);
        Tensor[] avg;
        if (Centered)
        {
            InitZeros(gradAvg, parameters, index);
            var a = Select(gradAvg, index);
            Foreach.MulInPlace(a, Alpha);
            Foreach.AddInPlace(a, g, 1 - Alpha);
            avg = Foreach.Addcmul(v, a, a, -1);
            Foreach.SqrtInPlace(avg);
        }
        else
        {
            avg = Foreach.Sqrt(v);
        }
        Foreach.AddInPlace(avg, Eps);
        if (Momentum > 0)
        {
            InitZeros(momentumBuffers, parameters, index);
            var b = Select(momentumBuffers, index);
            Foreach.MulInPlace(b, Momentum);
            Foreach.AddcdivInPlace(b, g, avg, 1);
            Foreach.AddInPlace(parameters, b, -LearningRate);
        }
        else
        {
            Foreach.AddcdivInPlace(parameters, g, avg, -LearningRate);
        }
    }

    private protected override void DisposeState()
    {
        Free(squareAvg);
        Free(gradAvg);
        Free(momentumBuffers);
    }
}
