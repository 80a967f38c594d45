using CourseKit.Data;
using CourseKit.Metrics;
using CourseKit.Tests.IO;

namespace CourseKit.Tests.Metrics;

[Collection(nameof(SeededRandomCollection))]
public sealed class EvaluationClassifierTests
{
    [Fact]
    public void ShippedClassifierReachesItsRecordedTestAccuracy()
    {
        using var classifier = EvaluationClassifier.Load();
        using var test = datasets.MNIST(train: false);
        var recorded = classifier.TestAccuracy ?? throw new InvalidOperationException("the shipped checkpoint records no test accuracy");
        var measured = classifier.Accuracy(test.Images, test.Labels);
        // The same weights on the same 2,000 images; a different thread count may at most flip one borderline image.
        Assert.Equal(recorded, measured, 1.0 / test.Count + 1e-12);
        Assert.True(measured >= 0.975, $"test accuracy {measured:F4} is below 0.975");
    }

    [Fact]
    public void FeaturesAndProbabilitiesHaveTheDocumentedShapes()
    {
        using var classifier = EvaluationClassifier.Load();
        using var test = datasets.MNIST(train: false);
        using var images = test.Images.narrow(0, 0, 130);
        var (features, probabilities) = classifier.Evaluate(images, batchSize: 50);   // three batches, the last partial
        using (features)
        using (probabilities)
        {
            Assert.Equal([130L, classifier.FeatureSize], features.shape);
            Assert.Equal([130L, 10], probabilities.shape);
            using var sums = probabilities.sum(1);
            Assert.All(sums.ToArray<float>(), s => Assert.Equal(1.0, s, 1e-5));
            using var flat = images.flatten(1);                                          // (B, 784) works as well
            using var again = classifier.Features(flat);                                  // other batches: conv kernels may round differently
            Assert.True(again.allclose(features, rtol: 1e-5, atol: 1e-5));
            Assert.False(classifier.training);
        }
    }

    [Fact]
    public void ImagesOutsideTheUnitRangeOrOfTheWrongShapeAreRejected()
    {
        using var classifier = EvaluationClassifier.Load();
        using var tanhImages = full([4, 1, 28, 28], -1.0);
        Assert.Contains("(x + 1) / 2", Assert.Throws<ArgumentException>(() => classifier.Features(tanhImages)).Message);
        using var wrong = zeros(4, 3, 28, 28);
        Assert.Contains("(B, 1, 28, 28)", Assert.Throws<ArgumentException>(() => classifier.Features(wrong)).Message);
        using var missing = new TempFolder();
        Assert.Throws<FileNotFoundException>(() => EvaluationClassifier.Load(path: missing.File("none.safetensors")));
    }

    [Fact]
    public void TrainingIsReproducibleAndSaveLoadRoundTrips()
    {
        using var train = datasets.MNIST(train: true);
        using var images = train.Images.narrow(0, 0, 256);
        using var labels = train.Labels.narrow(0, 0, 256);
        var settings = new EvaluationClassifierTraining { Epochs = 1, BatchSize = 32, Seed = 3 };
        using var first = EvaluationClassifierTrainer.Train(images, labels, settings);
        using var second = EvaluationClassifierTrainer.Train(images, labels, settings);
        var a = first.state_dict();
        var b = second.state_dict();
        foreach (var (name, value) in a)
            Assert.True(value.allclose(b[name], rtol: 0, atol: 0), $"{name} differs between two runs with seed 3");

        using var folder = new TempFolder();
        first.Save(folder.File("c.safetensors"), new Dictionary<string, string> { [EvaluationClassifier.TestAccuracyKey] = "0.5" });
        using var loaded = EvaluationClassifier.Load(path: folder.File("c.safetensors"));
        Assert.Equal(0.5, loaded.TestAccuracy);
        using var x = images.narrow(0, 0, 16);
        using var p = first.Probabilities(x);
        using var q = loaded.Probabilities(x);
        Assert.True(p.allclose(q, rtol: 0, atol: 0));
        foreach (var t in a.Values.Concat(b.Values)) t.Dispose();
    }

    [Fact]
    public void RandomShiftMovesEachImageByAtMostTheLimit()
    {
        using var x = zeros(8, 1, 28, 28);
        using (no_grad())
        {
            using var centre = x.narrow(2, 14, 1).narrow(3, 14, 1);
            centre.fill_(1.0);
        }
        using var shifted = EvaluationClassifierTrainer.RandomShift(x, 2, new Random(1));
        var values = shifted.ToArray<float>();
        for (var i = 0; i < 8; i++)
        {
            var at = Array.FindIndex(values, i * 784, 784, v => v == 1f) - i * 784;
            Assert.InRange(at / 28, 12, 16);
            Assert.InRange(at % 28, 12, 16);
            Assert.Equal(1f, values.Skip(i * 784).Take(784).Sum());
        }
    }
}
