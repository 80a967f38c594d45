using CourseKit.Losses;

namespace CourseKit.Tests.Vae;

/// <summary>The closed-form KL against its definition E_q[log q(z) - log p(z)], estimated by sampling.</summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class MonteCarloKlTests
{
    /// <summary>
    /// For each of 3 posteriors (Z = 4), draws n = 200,000 samples z ~ q in float64 and averages
    /// log q(z) - log p(z). The estimate's standard error is s / √n with s the samples' standard
    /// deviation (here about 1.5 to 6 nats, so 0.003 to 0.013); the test allows 4 standard errors,
    /// which a correct closed form exceeds with probability below 1e-4 (and the seed is fixed).
    /// </summary>
    [Fact]
    public void ClosedFormMatchesMonteCarloEstimate()
    {
        const int n = 200_000;
        manual_seed(20240611);
        using var mus = tensor(new double[] { 0.3, -1.2, 2.0, 0.0, 1.0, 1.0, -0.5, 0.25, -2.5, 0.7, 0.1, 1.5 }, [3, 4], float64);
        using var logvars = tensor(new double[] { 0.0, -1.0, 0.5, -2.0, 1.2, -0.3, 0.0, 0.8, -3.0, 0.4, -0.7, 0.0 }, [3, 4], float64);
        using var closed = GaussianKl.ToStandardNormal(mus, logvars);
        var expected = closed.ToArray<double>();
        for (var b = 0; b < 3; b++)
        {
            using var scope = NewDisposeScope();
            var mu = mus.narrow(0, b, 1).expand(n, 4);                           // (n, 4)
            var logvar = logvars.narrow(0, b, 1).expand(n, 4);
            var z = mu + (logvar * 0.5).exp() * randn([n, 4], float64);          // z ~ q
            var difference = LogDensity.Gaussian(z, mu, logvar) - LogDensity.StandardNormal(z);   // (n)
            var estimate = difference.mean().item<double>();
            var standardError = Math.Sqrt(difference.var().item<double>() / n);
            Assert.True(Math.Abs(estimate - expected[b]) < 4 * standardError,
                $"posterior {b}: closed form {expected[b]:F4}, Monte Carlo {estimate:F4} ± {standardError:F4}");
        }
    }
}
