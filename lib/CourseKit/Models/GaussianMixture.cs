using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A mixture of K full-covariance Gaussians in D dimensions, the classic explicit density model:
/// p(x) = sum_k pi_k N(x | mu_k, Sigma_k). Fitted by maximum likelihood with
/// expectation-maximisation (Dempster, Laird &amp; Rubin 1977; Bishop, PRML section 9.2).
/// The mixture owns its parameter tensors: Weights pi (K), Means mu (K, D), Covariances Sigma (K, D, D).
/// </summary>
public sealed class GaussianMixture : IDisposable
{
    private Tensor weights, means, covariances;

    private GaussianMixture(Tensor weights, Tensor means, Tensor covariances)
    {
        this.weights = weights.DetachFromDisposeScope();
        this.means = means.DetachFromDisposeScope();
        this.covariances = covariances.DetachFromDisposeScope();
    }

    public Tensor Weights => weights;
    public Tensor Means => means;
    public Tensor Covariances => covariances;
    public long Components => means.size(0);
    public long Dimensions => means.size(1);

    /// <summary>
    /// A mixture from explicit parameters (copied): weights (K) summing to 1, means (K, D),
    /// covariances (K, D, D) symmetric positive definite.
    /// </summary>
    public static GaussianMixture From(Tensor weights, Tensor means, Tensor covariances)
    {
        var k = means.dim() == 2 ? means.size(0) : throw new ArgumentException($"GaussianMixture: means must be (K, D), got [{string.Join(", ", means.shape)}]");
        var d = means.size(1);
        if (!weights.shape.SequenceEqual([k]) || !covariances.shape.SequenceEqual([k, d, d]))
            throw new ArgumentException(
                $"GaussianMixture: expected weights ({k}) and covariances ({k}, {d}, {d}) for means ({k}, {d}), " +
                $"got weights [{string.Join(", ", weights.shape)}] and covariances [{string.Join(", ", covariances.shape)}]");
        using (no_grad())
            return new GaussianMixture(weights.to(float32).clone(), means.to(float32).clone(), covariances.to(float32).clone());
    }

    /// <summary>
    /// The starting point of EM: equal weights, K means drawn from the data without replacement,
    /// every covariance the data's covariance. Uses libtorch's generator (seed it with manual_seed).
    /// </summary>
    public static GaussianMixture Initialize(Tensor data, int components)
    {
        var (n, d) = CheckData(data, nameof(Initialize));
        if (components < 1 || components > n)
            throw new ArgumentOutOfRangeException(nameof(components), $"GaussianMixture.Initialize: need 1 <= K <= N = {n}, got K = {components}");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var picks = multinomial(ones([n], device: data.device), components); // (K)
        var means = data.index_select(0, picks);                           // (K, D)
        var centered = data - data.mean(0, keepdim: true);                 // (N, D)
        var covariance = centered.t().matmul(centered) / n + eye(d, device: data.device) * 1e-6; // (D, D)
        var mixture = new GaussianMixture(full([components], 1.0 / components, device: data.device), means, covariance.expand(components, d, d).contiguous());
        return mixture;
    }

    /// <summary>log N(x | mu_k, Sigma_k) for every point and component: (N, D) -> (N, K).
    /// log N = -1/2 (D log 2pi + log det Sigma + (x - mu)^T Sigma^-1 (x - mu)), through the Cholesky factor L (Sigma = L L^T).</summary>
    public Tensor ComponentLogDensity(Tensor x)
    {
        var (_, d) = CheckData(x, nameof(ComponentLogDensity));
        if (d != Dimensions)
            throw new ArgumentException($"GaussianMixture: points have {d} dimensions, the mixture has {Dimensions}");
        using var scope = NewDisposeScope();
        var l = linalg.cholesky(covariances);                                   // (K, D, D)
        var diff = (x.unsqueeze(0) - means.unsqueeze(1)).transpose(1, 2);       // (K, D, N)
        var solved = linalg.solve_triangular(l, diff, upper: false);            // (K, D, N) = L^-1 (x - mu)
        var mahalanobis = solved.pow(2).sum(1);                                 // (K, N)
        var logDet = l.diagonal(0, -2, -1).log().sum(-1) * 2;                   // (K)
        var result = (mahalanobis + logDet.unsqueeze(1) + d * Math.Log(2 * Math.PI)) * -0.5; // (K, N)
        return result.t().MoveToOuterDisposeScope();                            // (N, K)
    }

    /// <summary>log p(x) = logsumexp_k (log pi_k + log N(x | mu_k, Sigma_k)): (N, D) -> (N).</summary>
    public Tensor LogProb(Tensor x)
    {
        using var scope = NewDisposeScope();
        return (ComponentLogDensity(x) + weights.log()).logsumexp(1).MoveToOuterDisposeScope();
    }

    /// <summary>Responsibilities r_nk = p(component k | x_n) (the E-step): (N, D) -> (N, K), rows sum to 1.</summary>
    public Tensor Responsibilities(Tensor x)
    {
        using var scope = NewDisposeScope();
        return (ComponentLogDensity(x) + weights.log()).softmax(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One EM iteration; returns the mean log-likelihood of <paramref name="data"/> under the
    /// parameters before the update (EM never decreases it). M-step with N_k = sum_n r_nk:
    /// pi_k = N_k / N, mu_k = sum_n r_nk x_n / N_k, Sigma_k = sum_n r_nk (x_n - mu_k)(x_n - mu_k)^T / N_k + reg I.
    /// </summary>
    public double EmStep(Tensor data, double regularization = 1e-6)
    {
        var (n, d) = CheckData(data, nameof(EmStep));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var joint = ComponentLogDensity(data) + weights.log();                  // (N, K)
        var logLikelihood = joint.logsumexp(1).mean().item<float>();
        var r = joint.softmax(1);                                               // (N, K)
        var nk = r.sum(0) + 1e-10;                                              // (K)
        var newMeans = r.t().matmul(data) / nk.unsqueeze(1);                    // (K, D)
        var diff = data.unsqueeze(0) - newMeans.unsqueeze(1);                   // (K, N, D)
        var weighted = diff * r.t().unsqueeze(2);                               // (K, N, D)
        var newCovariances = weighted.transpose(1, 2).bmm(diff) / nk.view(-1, 1, 1) + eye(d, device: data.device) * regularization; // (K, D, D)
        Replace(nk / n, newMeans, newCovariances);
        return logLikelihood;
    }

    /// <summary>Draws n points: a component k ~ Categorical(pi), then x = mu_k + L_k eps with eps ~ N(0, I). Returns (N, D).</summary>
    public Tensor Sample(long n)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var k = multinomial(weights, n, replacement: true);                     // (N)
        var eps = randn([n, Dimensions], device: means.device).unsqueeze(2);   // (N, D, 1)
        var l = linalg.cholesky(covariances).index_select(0, k);                // (N, D, D)
        return (means.index_select(0, k) + l.bmm(eps).squeeze(2)).MoveToOuterDisposeScope();
    }

    private void Replace(Tensor newWeights, Tensor newMeans, Tensor newCovariances)
    {
        weights.Dispose();
        means.Dispose();
        covariances.Dispose();
        weights = newWeights.DetachFromDisposeScope();
        means = newMeans.DetachFromDisposeScope();
        covariances = newCovariances.DetachFromDisposeScope();
    }

    private static (long n, long d) CheckData(Tensor data, string method) =>
        data.dim() == 2 && data.size(0) > 0
            ? (data.size(0), data.size(1))
            : throw new ArgumentException($"GaussianMixture.{method}: data must be (N, D) with N > 0, got [{string.Join(", ", data.shape)}]");

    public void Dispose()
    {
        weights.Dispose();
        means.Dispose();
        covariances.Dispose();
    }
}
