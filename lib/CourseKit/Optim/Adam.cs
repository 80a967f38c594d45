using CourseKit.Optim;
using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1),
/// exactly as PyTorch 1.13's <c>torch.optim.Adam</c>, with L2 weight decay added to the gradient:
/// <code>
/// g_t = ∇θ f(θ_{t-1}) + λ θ_{t-1}
/// m_t = β1 m_{t-1} + (1 - β1) g_t
/// v_t = β2 v_{t-1} + (1 - β2) g_t²
/// v̂_t = max(v̂_{t-1}, v_t)  (amsgrad, Reddi et al. 2018)   or   v̂_t = v_t
/// θ_t = θ_{t-1} - γ (m_t / (1 - β1^t)) / (sqrt(v̂_t / (1 - β2^t)) + ε)
/// </code>
/// Reference: https://pytorch.org/docs/1.13/generated/torch.optim.Adam.html
/// </summary>
public sealed class Adam : torch.optim.Optimizer
{
    private readonly AdamMoments moments;

    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weight_decay = 0, bool amsgrad = false) : base(nameof(Adam), parameters, lr)
    {
        AdamSettings.Check(nameof(Adam), beta1, beta2, eps, weight_decay);
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weight_decay;
        AmsGrad = amsgrad;
        moments = new AdamMoments(Parameters.Count, amsgrad);
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public bool AmsGrad { get; }

    /// <summary>Steps taken by each parameter (a parameter without gradient skips a step).</summary>
    public IReadOnlyList<long> Steps => moments.Steps;

    private protected override void Update(Tensor[] parameters, Tensor[] grads, int[] index)
    {
        var g = WeightDecay != 0 ? Foreach.Add(grads, parameters, WeightDecay) : grads;
        moments.Step(parameters, g, index, LearningRate, Beta1, Beta2, Eps);
    }

    private protected override void DisposeState() => moments.Free();
}
