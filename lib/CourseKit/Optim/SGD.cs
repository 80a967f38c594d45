using CourseKit.Optim;
using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// Stochastic gradient descent with optional momentum (Polyak 1964; Sutskever et al. 2013
/// for the Nesterov form), exactly as PyTorch 1.13's <c>torch.optim.SGD</c>:
/// <code>
/// g_t = ∇θ f(θ_{t-1}) + λ θ_{t-1}                         (weight decay λ)
/// b_1 = g_1,   b_t = μ b_{t-1} + (1 - τ) g_t              (momentum μ, dampening τ; only if μ ≠ 0)
/// g_t = g_t + μ b_t  (Nesterov)   or   g_t = b_t
/// θ_t = θ_{t-1} - γ g_t                                   (learning rate γ)
/// </code>
/// Reference: https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html
/// </summary>
public sealed class SGD : torch.optim.Optimizer
{
    private readonly Tensor?[] momentumBuffers;

    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0,
        double weight_decay = 0, bool nesterov = false) : base(nameof(SGD), parameters, lr)
    {
        if (!(momentum >= 0)) throw new ArgumentOutOfRangeException(nameof(momentum), $"SGD: invalid momentum {momentum}; it must be >= 0");
        if (!(weight_decay >= 0)) throw new ArgumentOutOfRangeException(nameof(weight_decay), $"SGD: invalid weight_decay {weight_decay}; it must be >= 0");
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException($"SGD: Nesterov momentum needs momentum > 0 and dampening = 0 (got momentum {momentum}, dampening {dampening})");
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weight_decay;
        Nesterov = nesterov;
        momentumBuffers = new Tensor?[Parameters.Count];
    }

    public double Momentum { get; }
    public double Dampening { get; }
    public double WeightDecay { get; }
    public bool Nesterov { get; }

    private protected override void Update(Tensor[] parameters, Tensor[] grads, int[] index)
    {
        var d = WeightDecay != 0 ? Foreach.Add(grads, parameters, WeightDecay) : grads;
        if (Momentum != 0)
        {
            // Existing buffers decay together; a parameter's first step starts its buffer at g.
            var running = Enumerable.Range(0, index.Length).Where(j => momentumBuffers[index[j]] is not null).ToArray();
            if (running.Length > 0)
            {
                var bufs = running.Select(j => momentumBuffers[index[j]]!).ToArray();
                Foreach.MulInPlace(bufs, Momentum);
                Foreach.AddInPlace(bufs, running.Select(j => d[j]).ToArray(), 1 - Dampening);
            }
            for (var j = 0; j < index.Length; j++)
                momentumBuffers[index[j]] ??= d[j].clone().DetachFromDisposeScope();
            var b = Select(momentumBuffers, index);
            d = Nesterov ? Foreach.Add(d, b, Momentum) : b;
        }
        Foreach.AddInPlace(parameters, d, -LearningRate);
    }

    private protected override void DisposeState() => Free(momentumBuffers);
}
