using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>Improved precision (sample quality) and recall (coverage of the data), each in [0, 1].</summary>
public sealed record PrecisionRecallResult(double Precision, double Recall, int K);

/// <summary>
/// Improved precision and recall (Kynkäänniemi et al. 2019, "Improved Precision and Recall Metric for
/// Assessing Generative Models", NeurIPS). Each set's manifold is estimated as the union of
/// balls around its feature vectors, each ball reaching that point's k-th nearest neighbour in the same set:
/// <code>
/// f(φ, Φ) = 1 if ‖φ − φ'‖₂ ≤ ‖φ' − NN_k(φ', Φ)‖₂ for at least one φ' ∈ Φ, else 0
/// precision = (1/|Φ_g|) Σ_{φ_g ∈ Φ_g} f(φ_g, Φ_r)     (generated samples that fall on the real manifold)
/// recall    = (1/|Φ_r|) Σ_{φ_r ∈ Φ_r} f(φ_r, Φ_g)     (real samples that fall on the generated manifold)
/// </code>
/// The paper uses k = 3 on VGG-16 features of 50,000 images per set; here the features are the kit
/// classifier's (any (N, D) features work). Distances are Euclidean, computed in float64.
/// </summary>
public static class PrecisionRecall
{
    /// <summary>The paper's neighbourhood size, k = 3.</summary>
    public const int DefaultK = 3;

    /// <summary>
    /// Precision and recall of generated features <paramref name="generated"/> (M, D) against real features
    /// <paramref name="real"/> (N, D), with k-NN radii; each set needs more than k rows.
    /// </summary>
    public static PrecisionRecallResult Compute(Tensor real, Tensor generated, int k = DefaultK)
    {
        const string caller = "PrecisionRecall.Compute";
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, $"{caller}: k must be at least 1, got {k}");
        using var scope = NewDisposeScope();
        var phiR = FeatureInput.AsFloat64(real, caller, nameof(real), minimumRows: k + 1);            // (N, D)
        var phiG = FeatureInput.AsFloat64(generated, caller, nameof(generated), minimumRows: k + 1);  // (M, D)
        FeatureInput.RequireSameWidth(phiR, phiG, caller);
        phiG = phiG.to(phiR.device);
        var radiiR = PairwiseDistances.KthNeighbourRadii(phiR, k);             // (N)
        var radiiG = PairwiseDistances.KthNeighbourRadii(phiG, k);             // (M)
        var precision = PairwiseDistances.InsideAnyBall(phiG, phiR, radiiR).to(float64).mean().item<double>();
        var recall = PairwiseDistances.InsideAnyBall(phiR, phiG, radiiG).to(float64).mean().item<double>();
        return new PrecisionRecallResult(precision, recall, k);
    }
}
