using CourseKit.Metrics;

namespace CourseKit.Tests.Metrics;

[Collection(nameof(SeededRandomCollection))]
public sealed class PrecisionRecallTests
{
    [Fact]
    public void IdenticalSetsHavePrecisionAndRecallOne()
    {
        using var real = FidTests.CorrelatedFeatures(700, 8, seed: 21);
        var result = PrecisionRecall.Compute(real, real);
        Assert.Equal(1.0, result.Precision);
        Assert.Equal(1.0, result.Recall);
        Assert.Equal(3, result.K);
    }

    [Fact]
    public void DisjointFarSetsHavePrecisionAndRecallZero()
    {
        using var real = FidTests.CorrelatedFeatures(600, 8, seed: 22);
        using var generated = FidTests.CorrelatedFeatures(500, 8, seed: 23, shift: 100);
        var result = PrecisionRecall.Compute(real, generated);
        Assert.Equal(0.0, result.Precision);
        Assert.Equal(0.0, result.Recall);
    }

    [Fact]
    public void ADroppedModeCostsRecallNotPrecision()
    {
        // Real data: two far clusters of 400 points. The model reproduces one of them exactly:
        // every sample is on the real manifold (precision 1), half the real data is missed (recall 1/2).
        using var a = FidTests.CorrelatedFeatures(400, 8, seed: 24);
        using var b = FidTests.CorrelatedFeatures(400, 8, seed: 25, shift: 50);
        using var real = cat([a, b]);
        var result = PrecisionRecall.Compute(real, a);
        Assert.Equal(1.0, result.Precision);
        Assert.Equal(0.5, result.Recall);
    }

    [Fact]
    public void MatchesABruteForceCount()
    {
        // Small sets compared with a direct evaluation of the definition in C#.
        using var real = FidTests.CorrelatedFeatures(60, 3, seed: 26);
        using var generated = FidTests.CorrelatedFeatures(50, 3, seed: 27, shift: 0.8);
        var r = Rows(real);
        var g = Rows(generated);
        for (var k = 1; k <= 4; k++)
        {
            var result = PrecisionRecall.Compute(real, generated, k);
            Assert.Equal(Coverage(g, r, k), result.Precision, 1e-12);
            Assert.Equal(Coverage(r, g, k), result.Recall, 1e-12);
        }
    }

    [Fact]
    public void TooFewPointsOrBadKAreRejected()
    {
        using var three = zeros(3, 2);
        using var many = zeros(10, 2);
        Assert.Contains("at least 4 rows", Assert.Throws<ArgumentException>(() => PrecisionRecall.Compute(three, many)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => PrecisionRecall.Compute(many, many, k: 0));
        using var wide = zeros(10, 3);
        Assert.Contains("same width", Assert.Throws<ArgumentException>(() => PrecisionRecall.Compute(many, wide)).Message);
    }

    /// <summary>The fraction of <paramref name="queries"/> inside some k-NN ball of <paramref name="points"/>.</summary>
    private static double Coverage(double[][] queries, double[][] points, int k)
    {
        var radii = points.Select((p, i) => points.Where((_, j) => j != i).Select(o => Distance(p, o)).Order().ElementAt(k - 1)).ToArray();
        return queries.Count(q => points.Select((p, j) => Distance(q, p) <= radii[j]).Any(inside => inside)) / (double)queries.Length;
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    internal static double[][] Rows(Tensor x)
    {
        using var d = x.to(float64);
        var values = d.ToArray<double>();
        var width = (int)x.size(1);
        return Enumerable.Range(0, (int)x.size(0)).Select(i => values.AsSpan(i * width, width).ToArray()).ToArray();
    }
}
