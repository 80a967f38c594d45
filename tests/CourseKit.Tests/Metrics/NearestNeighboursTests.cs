using CourseKit.Metrics;

namespace CourseKit.Tests.Metrics;

[Collection(nameof(SeededRandomCollection))]
public sealed class NearestNeighboursTests
{
    [Fact]
    public void MatchesABruteForceSearch()
    {
        using var reference = FidTests.CorrelatedFeatures(700, 5, seed: 31);      // more rows than one block
        using var queries = FidTests.CorrelatedFeatures(40, 5, seed: 32);
        using var result = NearestNeighbours.Find(queries, reference, k: 3);
        Assert.Equal([40L, 3], result.Indices.shape);
        Assert.Equal(ScalarType.Int64, result.Indices.dtype);
        var r = PrecisionRecallTests.Rows(reference);
        var q = PrecisionRecallTests.Rows(queries);
        var indices = result.Indices.ToArray<long>();
        var distances = result.Distances.ToArray<double>();
        for (var i = 0; i < q.Length; i++)
        {
            var expected = r.Select((row, j) => (j, d: Math.Sqrt(row.Zip(q[i], (a, b) => (a - b) * (a - b)).Sum())))
                .OrderBy(p => p.d).Take(3).ToArray();
            for (var n = 0; n < 3; n++)
            {
                Assert.Equal(expected[n].j, indices[i * 3 + n]);
                Assert.Equal(expected[n].d, distances[i * 3 + n], 1e-12);
            }
        }
    }

    [Fact]
    public void CopiedTrainingImagesAreFoundAtDistanceZero()
    {
        // A "model" that memorised: its samples are training images 5, 17 and 2. Images are compared in pixel space.
        manual_seed(33);
        using var train = rand(30, 1, 28, 28);
        using var index = tensor(new long[] { 5, 17, 2 });
        using var samples = train.index_select(0, index);
        using var result = NearestNeighbours.Find(samples, train);
        Assert.Equal([5L, 17, 2], result.Indices.ToArray<long>());
        Assert.Equal([0.0, 0.0, 0.0], result.Distances.ToArray<double>());
    }

    [Fact]
    public void BadInputIsRejected()
    {
        using var reference = zeros(3, 4);
        using var queries = zeros(2, 5);
        Assert.Contains("same width", Assert.Throws<ArgumentException>(() => NearestNeighbours.Find(queries, reference)).Message);
        using var fits = zeros(2, 4);
        Assert.Contains("at least 4 rows", Assert.Throws<ArgumentException>(() => NearestNeighbours.Find(fits, reference, k: 4)).Message);
        using var none = zeros(0, 4);
        using var empty = NearestNeighbours.Find(none, reference, k: 2);
        Assert.Equal([0L, 2], empty.Indices.shape);
    }
}
