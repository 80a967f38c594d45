using System.Globalization;

namespace CourseKit.Metrics;

/// <summary>
/// The evaluation of one set of images against the MNIST test split, on the evaluation classifier
/// (see <see cref="MnistEvaluation.Score"/>): FID (lower is better, the floor is FID(train, test)),
/// Inception Score (1 to 10, higher is better), improved precision and recall (k = 3, each 0 to 1),
/// and the mean of max_y p(y | x), how confidently the classifier labels the images.
/// </summary>
public sealed record SampleScores(long Count, double Fid, double InceptionScore, double Precision, double Recall, double MeanMaxProbability)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"N = {Count}: FID {Fid:F3}, IS {InceptionScore:F3}, precision {Precision:F3}, recall {Recall:F3}, mean max p(y|x) {MeanMaxProbability:F3}");
}
