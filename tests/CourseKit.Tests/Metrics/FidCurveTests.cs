using CourseKit.Metrics;

namespace CourseKit.Tests.Metrics;

[Collection(nameof(SeededRandomCollection))]
public sealed class FidCurveTests
{
    [Fact]
    public void FidOfSamplesFromTheReferenceDistributionFallsWithN()
    {
        // Samples and reference from the same Gaussian: FID_∞ = 0, so the curve is the bias alone, which shrinks with N.
        using var reference = FidTests.CorrelatedFeatures(4000, 16, seed: 41);
        using var samples = FidTests.CorrelatedFeatures(2000, 16, seed: 42);
        using var stats = GaussianStatistics.FromFeatures(reference);
        var curve = FidCurve.Compute(samples, stats, [50, 200, 2000], repeats: 3, seed: 0);
        Assert.Equal([50, 200, 2000], curve.Select(c => c.SampleCount));
        Assert.True(curve[0].Mean > curve[1].Mean && curve[1].Mean > curve[2].Mean,
            $"FID did not fall with N: {string.Join(", ", curve.Select(c => $"{c.SampleCount}: {c.Mean:F4}"))}");
        // All 2,000 rows, whatever their order: the full-set FID, identical over repeats.
        Assert.Equal(Fid.Compute(samples, stats), curve[2].Mean, 1e-9 * curve[2].Mean);
        Assert.Equal(0.0, curve[2].Std, 1e-9);
    }

    [Fact]
    public void IsReproducibleForASeed()
    {
        using var reference = FidTests.CorrelatedFeatures(500, 4, seed: 43);
        using var samples = FidTests.CorrelatedFeatures(300, 4, seed: 44);
        using var stats = GaussianStatistics.FromFeatures(reference);
        var first = FidCurve.Compute(samples, stats, [20, 100], repeats: 2, seed: 5);
        var again = FidCurve.Compute(samples, stats, [20, 100], repeats: 2, seed: 5);
        Assert.Equal(first, again);
        Assert.Throws<ArgumentOutOfRangeException>(() => FidCurve.Compute(samples, stats, [301]));
        Assert.Throws<ArgumentOutOfRangeException>(() => FidCurve.Compute(samples, stats, [1]));
    }
}
