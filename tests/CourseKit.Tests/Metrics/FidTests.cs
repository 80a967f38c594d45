using CourseKit.Metrics;

namespace CourseKit.Tests.Metrics;

[Collection(nameof(SeededRandomCollection))]
public sealed class FidTests
{
    /// <summary>N correlated Gaussian feature vectors (N, D) float32: x = z A + b with z ~ N(0, I).</summary>
    internal static Tensor CorrelatedFeatures(long n, long d, long seed, double shift = 0)
    {
        manual_seed(seed);
        using var scope = NewDisposeScope();
        var a = randn([d, d], float64).div(Math.Sqrt(d));
        var z = randn([n, d], float64);
        return (z.mm(a) + shift).to(float32).MoveToOuterDisposeScope();
    }

    [Fact]
    public void IdenticalFeatureSetsGiveZero()
    {
        using var f = CorrelatedFeatures(2000, 64, seed: 1);
        using var stats = GaussianStatistics.FromFeatures(f);
        var scale = stats.Sigma.diagonal().sum().item<double>() * 2;          // Tr Σ1 + Tr Σ2
        var fid = Fid.Compute(f, f);
        Assert.InRange(fid, 0.0, 1e-6 * scale);
        Assert.InRange(Fid.Compute(stats, stats), 0.0, 1e-6 * scale);
    }

    [Fact]
    public void DiagonalCovariancesMatchTheClosedForm()
    {
        // Commuting covariances: d² = ‖μ1 − μ2‖² + Σ_i (√a_i − √b_i)².
        double[] mu1 = [0, 1, -2, 0.5], mu2 = [1, 1, 0, -0.5], a = [1, 4, 0.25, 9], b = [2, 1, 0.25, 1e-6];
        var expected = mu1.Zip(mu2, (x, y) => (x - y) * (x - y)).Sum() + a.Zip(b, (x, y) => Math.Pow(Math.Sqrt(x) - Math.Sqrt(y), 2)).Sum();
        using var p = GaussianStatistics.FromMoments(tensor(mu1), DiagonalMatrix(a));
        using var q = GaussianStatistics.FromMoments(tensor(mu2), DiagonalMatrix(b));
        Assert.Equal(expected, Fid.Compute(p, q), 1e-10 * expected);
        Assert.Equal(expected, Fid.Compute(q, p), 1e-10 * expected);
    }

    [Fact]
    public void CommutingRotatedCovariancesMatchTheClosedForm()
    {
        // Σ1 = Q diag(a) Qᵀ and Σ2 = Q diag(b) Qᵀ share eigenvectors: Tr((Σ1 Σ2)^{1/2}) = Σ_i √(a_i b_i).
        manual_seed(7);
        using var scope = NewDisposeScope();
        var (qMatrix, _) = Dispatch2(randn([6, 6], float64));
        double[] a = [3, 1, 0.5, 2, 0.1, 5], b = [1, 1, 2, 0.5, 0.4, 5];
        var s1 = qMatrix.mm(DiagonalMatrix(a)).mm(qMatrix.t());
        var s2 = qMatrix.mm(DiagonalMatrix(b)).mm(qMatrix.t());
        var mu = zeros([6], float64);
        using var p = GaussianStatistics.FromMoments(mu, (s1 + s1.t()) * 0.5);
        using var q = GaussianStatistics.FromMoments(mu, (s2 + s2.t()) * 0.5);
        var expected = a.Zip(b, (x, y) => Math.Pow(Math.Sqrt(x) - Math.Sqrt(y), 2)).Sum();
        Assert.Equal(expected, Fid.Compute(p, q), 1e-9 * expected);
    }

    [Fact]
    public void ShiftedFeaturesGiveTheSquaredShift()
    {
        // Same covariance: the trace term vanishes and d² = ‖c‖² for features shifted by c = (0.3, ..., 0.3).
        using var f = CorrelatedFeatures(500, 16, seed: 2);
        using var g = f.add(0.3);
        var expected = 16 * 0.3 * 0.3;
        Assert.Equal(expected, Fid.Compute(f, g), 1e-5 * expected);
        using var p = GaussianStatistics.FromFeatures(f);
        using var q = GaussianStatistics.FromFeatures(g);
        var (meanTerm, traceTerm) = Fid.Terms(p, q);
        Assert.Equal(expected, meanTerm, 1e-5 * expected);
        Assert.InRange(Math.Abs(traceTerm), 0, 1e-8);
    }

    [Fact]
    public void IsSymmetricAndMatchesTheStatisticsOverload()
    {
        using var f = CorrelatedFeatures(800, 32, seed: 3);
        using var g = CorrelatedFeatures(600, 32, seed: 4, shift: 0.1);
        var forward = Fid.Compute(f, g);
        Assert.True(forward > 0.1, $"FID of two different Gaussians was {forward}");
        Assert.Equal(forward, Fid.Compute(g, f), 1e-9 * forward);
        using var q = GaussianStatistics.FromFeatures(g);
        Assert.Equal(forward, Fid.Compute(f, q), 1e-12 * forward);
    }

    [Fact]
    public void StatisticsAreTheMeanAndUnbiasedCovariance()
    {
        using var f = tensor(new double[,] { { 1, 2 }, { 3, 0 }, { 5, 4 } });
        using var s = GaussianStatistics.FromFeatures(f);
        Assert.Equal([3.0, 2.0], s.Mu.ToArray<double>());
        Assert.Equal([4.0, 2.0, 2.0, 4.0], s.Sigma.ToArray<double>());          // Σ (f − μ)(f − μ)ᵀ / (N − 1)
        Assert.Equal(3, s.Count);
        Assert.Equal(ScalarType.Float64, s.Sigma.dtype);
    }

    [Fact]
    public void BadInputRaisesClearErrors()
    {
        using var a = zeros(10, 4);
        using var b = zeros(10, 5);
        Assert.Contains("same dimension", Assert.Throws<ArgumentException>(() => Fid.Compute(a, b)).Message);
        using var one = zeros(1, 4);
        Assert.Contains("at least 2 rows", Assert.Throws<ArgumentException>(() => Fid.Compute(one, a)).Message);
        using var flat = zeros(10);
        Assert.Contains("(N, D)", Assert.Throws<ArgumentException>(() => Fid.Compute(flat, a)).Message);
        using var ints = zeros([10, 4], int64);
        Assert.Contains("floating point", Assert.Throws<ArgumentException>(() => Fid.Compute(ints, a)).Message);
        using var nan = full([10, 4], double.NaN);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => Fid.Compute(nan, a)).Message);
        using var asymmetric = tensor(new double[,] { { 1, 2 }, { 0, 1 } });
        using var mu = zeros([2], float64);
        Assert.Contains("symmetric", Assert.Throws<ArgumentException>(() => GaussianStatistics.FromMoments(mu, asymmetric)).Message);
    }

    private static Tensor DiagonalMatrix(double[] values)
    {
        using var v = tensor(values);
        using var eye = torch.eye(values.Length, dtype: float64);
        return eye * v.unsqueeze(0);
    }

    /// <summary>An orthogonal matrix: the eigenvectors of the symmetric matrix (A + Aᵀ) / 2.</summary>
    private static (Tensor Q, Tensor Lambda) Dispatch2(Tensor a)
    {
        var (lambda, q) = linalg.eigh((a + a.t()) * 0.5);
        return (q, lambda);
    }
}
