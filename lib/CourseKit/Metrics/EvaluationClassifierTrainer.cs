using CourseKit.Data;
using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>
/// Trains the <see cref="EvaluationClassifier"/>: cross-entropy −log p(y | x) minimised with Adam on the
/// training split, each image shifted by a random whole number of pixels (at most
/// <see cref="EvaluationClassifierTraining.MaxShift"/>; LeCun et al. 1998 likewise trained on distorted copies
/// of the MNIST images). Everything random is seeded by <see cref="EvaluationClassifierTraining.Seed"/>, so on
/// the same machine and thread count the same settings give the same weights.
/// </summary>
public static class EvaluationClassifierTrainer
{
    /// <summary>
    /// Trains a new classifier on <paramref name="train"/> (images (N, 1, 28, 28) in [0, 1], labels (N)) on
    /// <paramref name="device"/> (CPU by default); <paramref name="onEpoch"/> receives each epoch's number and
    /// mean training loss in nats. Returns the classifier in evaluation mode.
    /// </summary>
    public static EvaluationClassifier Train(MnistDataset train, EvaluationClassifierTraining? training = null,
        EvaluationClassifierSettings? settings = null, Device? device = null, Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        return Train(train.Images, train.Labels, training, settings, device, onEpoch);
    }

    /// <summary>
    /// Trains a new classifier on <paramref name="images"/> (N, 1, 28, 28) in [0, 1] with class indices
    /// <paramref name="labels"/> (N) int64; otherwise as the overload taking a dataset.
    /// </summary>
    public static EvaluationClassifier Train(Tensor images, Tensor labels, EvaluationClassifierTraining? training = null,
        EvaluationClassifierSettings? settings = null, Device? device = null, Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.dim() != 4 || labels.dim() != 1 || labels.size(0) != images.size(0) || images.size(0) == 0)
            throw new ArgumentException(
                $"EvaluationClassifierTrainer.Train: images must be (N, C, H, W) and labels (N) with N > 0, got [{string.Join(", ", images.shape)}] and [{string.Join(", ", labels.shape)}]");
        training ??= new EvaluationClassifierTraining();
        training.Validate();
        manual_seed(training.Seed);
        var classifier = new EvaluationClassifier(settings);
        if (device is { } d) classifier.to(d);
        var optimizer = optim.Adam(classifier.parameters(), lr: training.LearningRate);
        var loader = new DataLoader(images, labels, training.BatchSize, shuffle: true, device: classifier.Device, seed: training.Seed);
        var shifts = new Random(training.Seed);
        classifier.train();
        for (var epoch = 1; epoch <= training.Epochs; epoch++)
        {
            double total = 0;
            long count = 0;
            foreach (var (x, y) in loader)
            {
                using var scope = NewDisposeScope();
                var shifted = RandomShift(x, training.MaxShift, shifts);       // (B, 1, 28, 28)
                var loss = nn.functional.cross_entropy(classifier.call(shifted), y);   // mean −log p(y | x)
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>() * x.size(0);
                count += x.size(0);
            }
            onEpoch?.Invoke(epoch, total / count);
        }
        classifier.eval();
        return classifier;
    }

    /// <summary>
    /// Each image of <paramref name="x"/> (B, C, H, W) translated by (dy, dx), integers drawn uniformly from
    /// [−s, s], with zeros shifted in: zero-pad by s on every side, then crop H × W at offset (s + dy, s + dx).
    /// </summary>
    public static Tensor RandomShift(Tensor x, int s, Random random)
    {
        if (s == 0) return x;
        using var scope = NewDisposeScope();
        long h = x.size(2), w = x.size(3);
        var padded = nn.functional.pad(x, [s, s, s, s]);                        // (B, C, H+2s, W+2s)
        var images = new Tensor[x.size(0)];
        for (var i = 0; i < images.Length; i++)
        {
            int dy = random.Next(-s, s + 1), dx = random.Next(-s, s + 1);
            images[i] = padded[i].narrow(1, s + dy, h).narrow(2, s + dx, w);  // (C, H, W)
        }
        return stack(images).MoveToOuterDisposeScope();                        // (B, C, H, W)
    }
}
