using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>
/// The Gaussian N(μ, Σ) fitted to a set of feature vectors, as FID uses it (Heusel et al. 2017,
/// "GANs Trained by a Two Time-Scale Update Rule Converge to a Local Nash Equilibrium", section 3):
/// μ = (1/N) Σ_i f_i and the unbiased covariance Σ = (1/(N−1)) Σ_i (f_i − μ)(f_i − μ)ᵀ, both float64.
/// Computing them once for a reference set (the test split) lets many samples be compared with it.
/// The statistics own their tensors (no dispose scope holds them); <see cref="Dispose"/> frees them.
/// </summary>
public sealed class GaussianStatistics : IDisposable
{
    private GaussianStatistics(Tensor mu, Tensor sigma, long count)
    {
        Mu = mu.DetachFromDisposeScope();
        Sigma = sigma.DetachFromDisposeScope();
        Count = count;
    }

    /// <summary>μ, the mean feature vector: (D) float64.</summary>
    public Tensor Mu { get; }

    /// <summary>Σ, the unbiased covariance matrix (divided by N − 1): (D, D) float64, symmetric.</summary>
    public Tensor Sigma { get; }

    /// <summary>N, the number of feature vectors the statistics were computed from.</summary>
    public long Count { get; }

    /// <summary>D, the feature width.</summary>
    public long Dimension => Mu.size(0);

    /// <summary>Fits μ and Σ to <paramref name="features"/> (N, D), N ≥ 2, computed in float64 on the features' device.</summary>
    public static GaussianStatistics FromFeatures(Tensor features)
    {
        using var scope = NewDisposeScope();
        var f = FeatureInput.AsFloat64(features, "GaussianStatistics.FromFeatures", nameof(features), minimumRows: 2);  // (N, D)
        var n = f.size(0);
        var mu = f.mean(0);                                                    // (D)
        var centred = f - mu;                                                  // (N, D)
        var sigma = centred.t().mm(centred).div(n - 1);                        // (D, D)
        sigma = (sigma + sigma.t()).mul(0.5);                                  // exactly symmetric
        return new GaussianStatistics(mu, sigma, n);
    }

    /// <summary>
    /// Statistics given directly (for closed-form cases and published statistics): <paramref name="mu"/> (D) and a
    /// symmetric positive semi-definite <paramref name="sigma"/> (D, D); both are copied to float64.
    /// </summary>
    public static GaussianStatistics FromMoments(Tensor mu, Tensor sigma, long count = 0)
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(sigma);
        if (mu.dim() != 1 || sigma.dim() != 2 || sigma.size(0) != mu.size(0) || sigma.size(1) != mu.size(0))
            throw new ArgumentException(
                $"GaussianStatistics.FromMoments: mu must be (D) and sigma (D, D), got [{string.Join(", ", mu.shape)}] and [{string.Join(", ", sigma.shape)}]");
        using var scope = NewDisposeScope();
        var m = mu.to(float64).clone();
        var s = sigma.to(float64);
        if (!s.allclose(s.t(), rtol: 1e-10, atol: 1e-12))
            throw new ArgumentException("GaussianStatistics.FromMoments: sigma must be symmetric");
        return new GaussianStatistics(m, (s + s.t()).mul(0.5), count);
    }

    public void Dispose()
    {
        Mu.Dispose();
        Sigma.Dispose();
    }

    public override string ToString() => $"N(μ, Σ) of {Count} feature vectors, D = {Dimension}";
}
