using CourseKit.Data;
using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>
/// Everything a notebook needs to evaluate a generative model of MNIST digits in one object: the shipped
/// <see cref="EvaluationClassifier"/>, the features of the shipped training split (8,000 images) and test split
/// (2,000 images), and the Gaussian fitted to the test features. Images are (N, 1, 28, 28) with values in [0, 1].
/// <code>
/// using var evaluation = MnistEvaluation.Load(device);
/// evaluation.FidFloor                       // FID(train, test): what real data scores
/// evaluation.Score(samples)                 // FID, IS, precision, recall, confidence
/// evaluation.FidCurve(samples, [250, 500, 1000, 2000])
/// evaluation.NearestTrainingImages(samples) // memorisation check, in pixel space
/// </code>
/// The test split is the reference for FID, precision and recall: score as many samples as it holds (2,000) so
/// numbers are comparable (FID is biased upwards for fewer samples, see <see cref="Metrics.FidCurve"/>).
/// </summary>
public sealed class MnistEvaluation : IDisposable
{
    private MnistEvaluation(EvaluationClassifier classifier, MnistDataset train, MnistDataset test)
    {
        Classifier = classifier;
        Train = train;
        Test = test;
        TrainFeatures = classifier.Features(train.Images).DetachFromDisposeScope();
        TestFeatures = classifier.Features(test.Images).DetachFromDisposeScope();
        TestStatistics = GaussianStatistics.FromFeatures(TestFeatures);
        FidFloor = Metrics.Fid.Compute(TrainFeatures, TestStatistics);
    }

    /// <summary>The shipped classifier, in evaluation mode.</summary>
    public EvaluationClassifier Classifier { get; }

    /// <summary>The shipped MNIST training split (the images a model was trained on).</summary>
    public MnistDataset Train { get; }

    /// <summary>The shipped MNIST test split (the reference the samples are compared with).</summary>
    public MnistDataset Test { get; }

    /// <summary>φ(x) of the training images, (8000, D).</summary>
    public Tensor TrainFeatures { get; }

    /// <summary>φ(x) of the test images, (2000, D).</summary>
    public Tensor TestFeatures { get; }

    /// <summary>N(μ, Σ) fitted to <see cref="TestFeatures"/>.</summary>
    public GaussianStatistics TestStatistics { get; }

    /// <summary>
    /// FID(train, test), all 8,000 training against the 2,000 test images: the score of real digits, the floor any
    /// model is judged against; 0.9147 with the shipped classifier. At N = 2,000 samples (the first 2,000 training
    /// images) real digits score FID 1.683, IS 9.188, precision 0.902, recall 0.888, mean max p(y | x) 0.974:
    /// compare a model's 2,000 samples with that row (<c>./coursekit classifier --evaluate</c> prints both).
    /// </summary>
    public double FidFloor { get; }

    /// <summary>Loads the shipped classifier onto <paramref name="device"/> (CPU by default) and computes the features of both splits.</summary>
    public static MnistEvaluation Load(Device? device = null, string? datasetsRoot = null) =>
        Create(EvaluationClassifier.Load(device), datasetsRoot);

    /// <summary>An evaluation on another <paramref name="classifier"/> (a retrained one), which it then owns.</summary>
    public static MnistEvaluation Create(EvaluationClassifier classifier, string? datasetsRoot = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var train = datasets.MNIST(datasetsRoot, train: true);
        var test = datasets.MNIST(datasetsRoot, train: false);
        try
        {
            return new MnistEvaluation(classifier, train, test);
        }
        catch
        {
            classifier.Dispose();
            train.Dispose();
            test.Dispose();
            throw;
        }
    }

    /// <summary>FID, Inception Score, precision, recall and mean confidence of <paramref name="images"/> (N, 1, 28, 28) in [0, 1], N ≥ 4.</summary>
    public SampleScores Score(Tensor images)
    {
        using var scope = NewDisposeScope();
        var (phi, p) = Classifier.Evaluate(images);                            // (N, D), (N, C)
        var fid = Metrics.Fid.Compute(phi, TestStatistics);
        var inception = InceptionScore.Compute(p);
        var pr = PrecisionRecall.Compute(TestFeatures, phi);
        var (confidence, _) = p.max(1);                                        // (N)
        return new SampleScores(phi.size(0), fid, inception, pr.Precision, pr.Recall, confidence.mean().item<float>());
    }

    /// <summary>FID of <paramref name="images"/> against the test split, from subsets of each size in <paramref name="sampleCounts"/>.</summary>
    public IReadOnlyList<FidAtSampleCount> FidCurve(Tensor images, IEnumerable<int> sampleCounts, int repeats = 1, int seed = 0)
    {
        using var phi = Classifier.Features(images);
        return Metrics.FidCurve.Compute(phi, TestStatistics, sampleCounts, repeats, seed);
    }

    /// <summary>
    /// The <paramref name="k"/> training images nearest to each of <paramref name="images"/> (N, 1, 28, 28) in pixel
    /// space (Euclidean distance between the 784 pixel values in [0, 1]): indices into <see cref="Train"/> and distances.
    /// A copied training image is at distance 0; a real test digit's nearest training image is at a median distance
    /// of 4.81 (1% of them below 1.56, the closest 1.22; measured by <c>./coursekit classifier --evaluate</c>).
    /// </summary>
    public NeighbourResult NearestTrainingImages(Tensor images, int k = 1) => NearestNeighbours.Find(images, Train.Images, k);

    public void Dispose()
    {
        TestStatistics.Dispose();
        TrainFeatures.Dispose();
        TestFeatures.Dispose();
        Classifier.Dispose();
        Train.Dispose();
        Test.Dispose();
    }
}
