using CourseKit.Native;
using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>
/// The Inception Score (Salimans et al. 2016, "Improved Techniques for Training GANs", NeurIPS, section 4),
/// computed on the class probabilities of the kit's MNIST classifier instead of Inception-v3's:
/// <code>
/// IS = exp( E_x KL( p(y | x) ‖ p(y) ) ),   p(y) = E_x p(y | x)   (the marginal over the sample set)
/// </code>
/// It is high when each sample is classified confidently (p(y | x) has low entropy) and the samples
/// cover the classes evenly (p(y) has high entropy): 1 ≤ IS ≤ C for C classes. Uniform predictions
/// give 1; confident one-hot predictions spread evenly over the C classes give C. It ignores the
/// real data entirely (a model that draws one perfect digit per class scores C). Computed in float64,
/// with 0 · log 0 = 0.
/// </summary>
public static class InceptionScore
{
    /// <summary>IS of the class probabilities <paramref name="probabilities"/> (N, C): rows non-negative, each summing to 1 (to 1e−3).</summary>
    public static double Compute(Tensor probabilities)
    {
        using var scope = NewDisposeScope();
        var p = Checked(probabilities, "InceptionScore.Compute");              // (N, C) p(y | x)
        var marginal = p.mean(0, keepdim: true);                               // (1, C) p(y)
        var kl = (Xlogy(p, p) - Xlogy(p, marginal)).sum(1);                    // (N) KL(p(y|x) ‖ p(y))
        return Math.Exp(kl.mean().item<double>());
    }

    /// <summary>
    /// Salimans et al.'s protocol: the score of each of <paramref name="splits"/> equal consecutive parts of the
    /// samples (they used 10 splits of 5,000), reported as mean and standard deviation over the parts.
    /// </summary>
    public static (double Mean, double Std) Compute(Tensor probabilities, int splits)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (splits < 1) throw new ArgumentOutOfRangeException(nameof(splits), splits, $"InceptionScore.Compute: splits must be at least 1, got {splits}");
        if (probabilities.dim() != 2 || probabilities.size(0) < splits)
            throw new ArgumentException($"InceptionScore.Compute: {splits} splits need probabilities (N, C) with N ≥ {splits}, got [{string.Join(", ", probabilities.shape)}]");
        var n = probabilities.size(0);
        var scores = new double[splits];
        for (var s = 0; s < splits; s++)
        {
            long start = s * n / splits, end = (s + 1) * n / splits;
            using var part = probabilities.narrow(0, start, end - start);
            scores[s] = Compute(part);
        }
        var mean = scores.Average();
        var std = Math.Sqrt(scores.Sum(v => (v - mean) * (v - mean)) / splits);
        return (mean, std);
    }

    /// <summary>x · log y elementwise, 0 where x = 0 (torch.xlogy).</summary>
    private static Tensor Xlogy(Tensor x, Tensor y) => Dispatch.Tensor("aten::xlogy", "Tensor", x, y);

    private static Tensor Checked(Tensor probabilities, string caller)
    {
        var p = FeatureInput.AsFloat64(probabilities, caller, nameof(probabilities), minimumRows: 1);   // (N, C)
        if (p.lt(0.0).any().item<bool>())
            throw new ArgumentException($"{caller}: probabilities must be non-negative (pass softmax outputs, not logits)", nameof(probabilities));
        var worst = (p.sum(1) - 1.0).abs().max().item<double>();
        if (worst > 1e-3)
            throw new ArgumentException(
                $"{caller}: each row of probabilities must sum to 1, one is off by {worst:g3} (pass softmax outputs, not logits)", nameof(probabilities));
        return p;
    }
}
