using CourseKit.Metrics;

namespace CourseKit.Tests.Metrics;

/// <summary>The shipped classifier and the features of both splits, computed once for the tests of this class.</summary>
public sealed class MnistEvaluationFixture : IDisposable
{
    public MnistEvaluation Evaluation { get; } = MnistEvaluation.Load();

    public void Dispose() => Evaluation.Dispose();
}

[Collection(nameof(SeededRandomCollection))]
public sealed class MnistEvaluationTests(MnistEvaluationFixture fixture) : IClassFixture<MnistEvaluationFixture>
{
    [Fact]
    public void RealDigitsScoreAsRealDataAndNoiseDoesNot()
    {
        var evaluation = fixture.Evaluation;
        // FID(train, test) as ./coursekit classifier recorded it in the checkpoint.
        var recorded = evaluation.Classifier.Metadata["fid_train_test"];
        Assert.Equal(double.Parse(recorded, System.Globalization.CultureInfo.InvariantCulture), evaluation.FidFloor, 1e-4 * evaluation.FidFloor);

        // The test split against itself: FID 0, every point on the other manifold.
        var self = evaluation.Score(evaluation.Test.Images);
        Assert.InRange(self.Fid, 0.0, 1e-6 * TraceOfCovariance(evaluation) * 2);
        Assert.Equal(1.0, self.Precision);
        Assert.Equal(1.0, self.Recall);

        // 2,000 training digits: near the floor, confidently classified, balanced over the classes.
        using var train = evaluation.Train.Images.narrow(0, 0, 2000);
        var real = evaluation.Score(train);
        Assert.InRange(real.Fid, 0.5 * evaluation.FidFloor, 2 * evaluation.FidFloor);
        Assert.InRange(real.InceptionScore, 8.5, 10.0);
        Assert.InRange(real.MeanMaxProbability, 0.95, 1.0);
        Assert.InRange(real.Precision, 0.7, 1.0);
        Assert.InRange(real.Recall, 0.7, 1.0);

        // Uniform noise: far from the digits.
        manual_seed(51);
        using var noise = rand(500, 1, 28, 28);
        var bad = evaluation.Score(noise);
        Assert.True(bad.Fid > 20 * evaluation.FidFloor, $"noise scored FID {bad.Fid}, the floor is {evaluation.FidFloor}");
        Assert.Equal(0.0, bad.Precision);
    }

    [Fact]
    public void TrainingImagesAreTheirOwnNearestNeighbours()
    {
        var evaluation = fixture.Evaluation;
        using var index = tensor(new long[] { 0, 123, 7999 });
        using var copies = evaluation.Train.Images.index_select(0, index);
        using var result = evaluation.NearestTrainingImages(copies, k: 2);
        Assert.Equal([0L, 123, 7999], result.Indices.select(1, 0).ToArray<long>());
        Assert.Equal([0.0, 0.0, 0.0], result.Distances.select(1, 0).ToArray<double>());
        Assert.All(result.Distances.select(1, 1).ToArray<double>(), d => Assert.True(d > 1, $"a second training image at distance {d}"));
    }

    private static double TraceOfCovariance(MnistEvaluation evaluation)
    {
        using var diagonal = evaluation.TestStatistics.Sigma.diagonal();
        using var trace = diagonal.sum();
        return trace.item<double>();
    }
}
