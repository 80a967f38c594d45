using CourseKit.Metrics;

namespace CourseKit.Tests.Metrics;

public sealed class InceptionScoreTests
{
    [Fact]
    public void UniformPredictionsScoreOne()
    {
        using var p = full([100, 10], 0.1);
        Assert.Equal(1.0, InceptionScore.Compute(p), 1e-12);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(4)]
    [InlineData(2)]
    public void ConfidentBalancedPredictionsScoreTheClassCount(int classes)
    {
        // One-hot predictions, each class equally often: KL(p(y|x) ‖ p(y)) = log C for every x.
        using var labels = tensor(Enumerable.Range(0, 5 * classes).Select(i => (long)(i % classes)).ToArray());
        using var p = nn.functional.one_hot(labels, classes).to(float32);
        Assert.Equal(classes, InceptionScore.Compute(p), 1e-10 * classes);
    }

    [Fact]
    public void ConfidentPredictionsOfOneClassScoreOne()
    {
        using var labels = zeros([50], int64);
        using var p = nn.functional.one_hot(labels, 10).to(float32);
        Assert.Equal(1.0, InceptionScore.Compute(p), 1e-12);
    }

    [Fact]
    public void MatchesTheClosedFormOfAnUnbalancedMixture()
    {
        // Rows (0.9, 0.1) and (0.2, 0.8), three and one of them: p(y) = (0.725, 0.275) and
        // log IS = mean_x Σ_y p(y|x) log(p(y|x) / p(y)).
        double[][] rows = [[0.9, 0.1], [0.9, 0.1], [0.9, 0.1], [0.2, 0.8]];
        double[] marginal = [0.725, 0.275];
        var expected = Math.Exp(rows.Average(r => r.Select((v, y) => v * Math.Log(v / marginal[y])).Sum()));
        using var p = tensor(new double[,] { { 0.9, 0.1 }, { 0.9, 0.1 }, { 0.9, 0.1 }, { 0.2, 0.8 } });
        Assert.Equal(expected, InceptionScore.Compute(p), 1e-12);
    }

    [Fact]
    public void SplitsScoreEachPartSeparately()
    {
        // First half all class 0 (IS 1), second half balanced over two classes (IS 2).
        using var first = nn.functional.one_hot(zeros([10], int64), 2).to(float64);
        using var labels = tensor(Enumerable.Range(0, 10).Select(i => (long)(i % 2)).ToArray());
        using var second = nn.functional.one_hot(labels, 2).to(float64);
        using var p = cat([first, second]);
        var (mean, std) = InceptionScore.Compute(p, splits: 2);
        Assert.Equal(1.5, mean, 1e-12);
        Assert.Equal(0.5, std, 1e-12);
    }

    [Fact]
    public void LogitsAndBadShapesAreRejected()
    {
        using var logits = tensor(new float[,] { { 2, -1 }, { 0.5f, 3 } });
        Assert.Contains("not logits", Assert.Throws<ArgumentException>(() => InceptionScore.Compute(logits)).Message);
        using var unnormalised = tensor(new float[,] { { 0.5f, 0.6f } });
        Assert.Contains("sum to 1", Assert.Throws<ArgumentException>(() => InceptionScore.Compute(unnormalised)).Message);
        using var flat = full([10], 0.1);
        Assert.Throws<ArgumentException>(() => InceptionScore.Compute(flat));
        using var few = full([3, 2], 0.5);
        Assert.Throws<ArgumentException>(() => InceptionScore.Compute(few, splits: 4));
    }
}
