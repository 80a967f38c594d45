using CourseKit.Data;

namespace CourseKit.Tests.Gan;

/// <summary>
/// The 2-D mixtures (centres, σ, sampling statistics at fixed seeds) and mode counting by the 3σ rule
/// on hand-placed points, where the answer is known exactly.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class ModeMixtureTests
{
    [Fact]
    public void RingAndGridHaveThePublishedGeometry()
    {
        var ring = ModeMixture.Ring();
        Assert.Equal(8, ring.Count);
        Assert.Equal(0.02, ring.Sigma);
        using var rc = ring.Centres();
        var radii = rc.square().sum(1).sqrt().ToArray<float>();
        Assert.All(radii, r => Assert.Equal(2.0, r, 5));
        var grid = ModeMixture.Grid();
        Assert.Equal(25, grid.Count);
        Assert.Equal(0.05, grid.Sigma);
        using var gc = grid.Centres();
        var xs = gc.select(1, 0).ToArray<float>().Distinct().Order().ToArray();
        Assert.Equal([-4f, -2f, 0f, 2f, 4f], xs);
    }

    [Fact]
    public void SamplesFromTheMixtureAreAllHighQuality()
    {
        manual_seed(11);
        foreach (var mixture in new[] { ModeMixture.Ring(), ModeMixture.Grid() })
        {
            var (points, modes) = mixture.Sample(5000);
            using (points)
            using (modes)
            {
                var count = mixture.CountModes(points);
                Assert.Equal(mixture.Count, count.Captured);
                // A 2-D Gaussian puts 1 − exp(−9/2) = 98.9 % of its mass within 3σ of its centre.
                Assert.InRange(count.HighQualityShare, 0.985, 0.993);
                Assert.Equal(5000, count.Samples);
            }
        }
    }

    [Fact]
    public void CountingFollowsTheThreeSigmaRule()
    {
        var grid = ModeMixture.Grid();                                              // σ = 0.05, 3σ = 0.15
        using var points = tensor(new float[,]
        {
            { -4f, -4f }, { -4.14f, -4f },                                          // two in mode (−4, −4)
            { 0f, 0.16f },                                                          // just outside 3σ of (0, 0)
            { 1f, 1f },                                                             // between modes
            { 4f, 3.9f },                                                           // in mode (4, 4)
        });
        var count = grid.CountModes(points);
        Assert.Equal(2, count.Captured);
        Assert.Equal(3.0 / 5, count.HighQualityShare, 12);
        Assert.Equal(3, count.PerMode.Sum());
        Assert.Equal(2, count.PerMode[0]);
        Assert.Equal(1, count.PerMode[24]);
        Assert.Equal(1, grid.CountModes(points, minSamples: 2).Captured);
    }

    [Fact]
    public void BadInputRaisesClearErrors()
    {
        var ring = ModeMixture.Ring();
        using var wrong = zeros(4, 3);
        Assert.Contains("(N, 2)", Assert.Throws<ArgumentException>(() => ring.CountModes(wrong)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Sample(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModeMixture.Ring(sigma: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModeMixture.Grid(side: 0));
    }
}
