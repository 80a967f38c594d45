// Trains the evaluation classifier on the shipped MNIST training split and writes the checkpoint that
// CourseKit.dll embeds (checkpoints/mnist-classifier.safetensors), then reports its test accuracy and the
// FID floor, FID(train, test), on its features. With --evaluate it only measures the shipped checkpoint.
//
//   ./coursekit classifier [--evaluate] [--out PATH] [--epochs N] [--seed N] [--threads N] [--examples N]
// --examples N trains on the first N training images only (a quick check; the shipped file uses all 8,000).
using System.Globalization;
using System.Security.Cryptography;
using CourseKit.Data;
using CourseKit.Metrics;
using static CourseKit.torch;

var invariant = CultureInfo.InvariantCulture;
var training = new EvaluationClassifierTraining();
var output = Path.Combine("checkpoints", EvaluationClassifier.CheckpointName);
var threads = 1;   // one thread: the same weights on every machine with the same libtorch, and no stalls on a busy one
var evaluateOnly = false;
int? examples = null;
for (var k = 0; k < args.Length; k++)
{
    string Value() => k + 1 < args.Length ? args[++k] : throw new ArgumentException($"{args[k]} needs a value");
    switch (args[k])
    {
        case "--evaluate": evaluateOnly = true; break;
        case "--out": output = Value(); break;
        case "--epochs": training = training with { Epochs = int.Parse(Value(), invariant) }; break;
        case "--seed": training = training with { Seed = int.Parse(Value(), invariant) }; break;
        case "--threads": threads = int.Parse(Value(), invariant); break;
        case "--examples": examples = int.Parse(Value(), invariant); break;
        default: throw new ArgumentException($"unknown option {args[k]} (options: --evaluate, --out PATH, --epochs N, --seed N, --threads N, --examples N)");
    }
}
set_num_threads(threads);

using var train = datasets.MNIST(train: true);
using var test = datasets.MNIST(train: false);
EvaluationClassifier classifier;
if (evaluateOnly)
{
    classifier = EvaluationClassifier.Load();
    Console.WriteLine($"classifier: the shipped checkpoint, recorded test accuracy {classifier.TestAccuracy?.ToString("F4", invariant) ?? "none"}");
}
else
{
    var n = Math.Min(examples ?? train.Count, train.Count);
    Console.WriteLine($"classifier: training on {n} MNIST images, {training}, {threads} threads");
    using var images = train.Images.narrow(0, 0, n);
    using var labels = train.Labels.narrow(0, 0, n);
    var clock = System.Diagnostics.Stopwatch.StartNew();
    classifier = EvaluationClassifierTrainer.Train(images, labels, training,
        onEpoch: (epoch, loss) => Console.WriteLine($"classifier: epoch {epoch,2}/{training.Epochs}  cross-entropy {loss.ToString("F4", invariant)} nats  ({clock.Elapsed.TotalSeconds:F0} s)"));
}

var accuracy = classifier.Accuracy(test.Images, test.Labels);
Console.WriteLine($"classifier: test accuracy {accuracy.ToString("F4", invariant)} ({test.Count} images)");
var floor = Report(classifier, invariant);

if (!evaluateOnly)
{
    classifier.Save(output, new Dictionary<string, string>
    {
        [EvaluationClassifier.TestAccuracyKey] = accuracy.ToString("R", invariant),
        ["fid_train_test"] = floor.ToString("R", invariant),
        ["trained_on"] = $"datasets/mnist train split, first {Math.Min(examples ?? train.Count, train.Count)} of {train.Count} images",
        ["training"] = training.ToString(),
        ["threads"] = threads.ToString(invariant),
    });
    var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(output)));
    Console.WriteLine($"classifier: wrote {output} ({new FileInfo(output).Length} bytes, sha256 {hash}); rebuild CourseKit to embed it");
}
classifier.Dispose();

// FID(train, test), the scores of real digits, and how far real digits lie from their nearest training image.
static double Report(EvaluationClassifier classifier, IFormatProvider invariant)
{
    var copy = new EvaluationClassifier(classifier.Settings);                  // the evaluation owns (and disposes) its classifier
    var state = classifier.state_dict();
    copy.load_state_dict(state);
    foreach (var t in state.Values) t.Dispose();
    copy.eval();
    using var evaluation = MnistEvaluation.Create(copy);
    Console.WriteLine(string.Create(invariant,
        $"classifier: FID(train, test) = {evaluation.FidFloor:F4} ({evaluation.Train.Count} vs {evaluation.Test.Count} images, D = {classifier.FeatureSize})"));
    using var real = evaluation.Train.Images.narrow(0, 0, evaluation.Test.Count);
    Console.WriteLine($"classifier: real digits, the first {real.size(0)} training images against the test split: {evaluation.Score(real)}");
    using var neighbours = evaluation.NearestTrainingImages(evaluation.Test.Images);
    var distances = neighbours.Distances.select(1, 0).ToArray<double>().Order().ToArray();
    Console.WriteLine(string.Create(invariant,
        $"classifier: nearest training image of each test image, pixel space: min {distances[0]:F2}, 1% {distances[distances.Length / 100]:F2}, median {distances[distances.Length / 2]:F2}"));
    return evaluation.FidFloor;
}
