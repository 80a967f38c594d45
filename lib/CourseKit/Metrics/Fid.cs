using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>
/// The Fréchet Inception Distance (Heusel et al. 2017, "GANs Trained by a Two Time-Scale Update Rule
/// Converge to a Local Nash Equilibrium", NeurIPS): the Fréchet (2-Wasserstein) distance
/// between Gaussians fitted to the features of two image sets,
/// <code>
/// d²((μ1, Σ1), (μ2, Σ2)) = ‖μ1 − μ2‖² + Tr(Σ1 + Σ2 − 2 (Σ1^{1/2} Σ2 Σ1^{1/2})^{1/2})
/// </code>
/// Here the features are the penultimate layer of the kit's MNIST classifier
/// (<see cref="EvaluationClassifier"/>), not Inception-v3's pool3 layer, so the numbers compare
/// models within this kit, not with published FIDs. Everything is computed in float64. The trace
/// term uses Tr((Σ1^{1/2} Σ2 Σ1^{1/2})^{1/2}) = Tr((Σ1 Σ2)^{1/2}) (the two matrices are similar), with
/// Σ1^{1/2} and the eigenvalues of the symmetric PSD product Σ1^{1/2} Σ2 Σ1^{1/2} from symmetric
/// eigendecompositions (<see cref="SymmetricMatrix"/>), tiny negative eigenvalues clamped to 0.
/// Rounding can leave a result of order −1e−13 for identical sets; the distance is reported as max(d², 0).
/// FID estimated from N samples is biased upwards, more so for small N (Chong &amp; Forsyth 2020):
/// compare models at the same N (see <see cref="FidCurve"/>).
/// </summary>
public static class Fid
{
    /// <summary>FID between the Gaussians fitted to <paramref name="features1"/> (N1, D) and <paramref name="features2"/> (N2, D).</summary>
    public static double Compute(Tensor features1, Tensor features2)
    {
        using var p = GaussianStatistics.FromFeatures(features1);
        using var q = GaussianStatistics.FromFeatures(features2);
        return Compute(p, q);
    }

    /// <summary>FID between the Gaussians fitted to <paramref name="features"/> (N, D) and the precomputed <paramref name="reference"/>.</summary>
    public static double Compute(Tensor features, GaussianStatistics reference)
    {
        using var p = GaussianStatistics.FromFeatures(features);
        return Compute(p, reference);
    }

    /// <summary>FID between two fitted Gaussians, <paramref name="p"/> = N(μ1, Σ1) and <paramref name="q"/> = N(μ2, Σ2).</summary>
    public static double Compute(GaussianStatistics p, GaussianStatistics q)
    {
        var (meanTerm, traceTerm) = Terms(p, q);
        return Math.Max(meanTerm + traceTerm, 0.0);
    }

    /// <summary>
    /// The two terms of d² separately: ‖μ1 − μ2‖² (where the means differ) and
    /// Tr(Σ1 + Σ2 − 2 (Σ1^{1/2} Σ2 Σ1^{1/2})^{1/2}) (where the spreads differ), for plots that split FID.
    /// </summary>
    public static (double MeanTerm, double TraceTerm) Terms(GaussianStatistics p, GaussianStatistics q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (p.Dimension != q.Dimension)
            throw new ArgumentException($"Fid.Compute: the two Gaussians must have the same dimension D, got {p.Dimension} and {q.Dimension}");
        using var scope = NewDisposeScope();
        var mu2 = q.Mu.to(p.Mu.device);
        var sigma2 = q.Sigma.to(p.Sigma.device);
        var meanTerm = (p.Mu - mu2).square().sum().item<double>();            // ‖μ1 − μ2‖²
        var root1 = SymmetricMatrix.Sqrt(p.Sigma);                             // Σ1^{1/2}, (D, D)
        var product = root1.mm(sigma2).mm(root1);                              // Σ1^{1/2} Σ2 Σ1^{1/2}, (D, D), PSD
        var traceRoot = SymmetricMatrix.TraceSqrt(product);
        var traces = p.Sigma.diagonal().sum().item<double>() + sigma2.diagonal().sum().item<double>();
        return (meanTerm, traces - 2 * traceRoot);
    }
}
