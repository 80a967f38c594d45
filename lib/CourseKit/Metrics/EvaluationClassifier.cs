using System.Globalization;
using CourseKit.Modules;
using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>
/// The kit's MNIST classifier for evaluating generative models (see <see cref="EvaluationClassifierSettings"/>
/// for the network): its penultimate features φ(x) feed <see cref="Fid"/>, <see cref="PrecisionRecall"/> and
/// <see cref="NearestNeighbours"/>, its class probabilities p(y | x) feed <see cref="InceptionScore"/>.
/// The trained weights ship inside CourseKit.dll (from checkpoints/mnist-classifier.safetensors, test
/// accuracy recorded in the file's metadata and in checkpoints/README.md); <c>./coursekit classifier</c>
/// retrains them reproducibly. Images are (B, 1, 28, 28) or (B, 784) with values in [0, 1], as the datasets
/// deliver them: map a tanh generator's output x ∈ [−1, 1] with (x + 1) / 2 first.
/// </summary>
public sealed class EvaluationClassifier : nn.Module<Tensor, Tensor>
{
    /// <summary>The name of the shipped checkpoint (in checkpoints/ and as a resource of CourseKit.dll).</summary>
    public const string CheckpointName = "mnist-classifier.safetensors";

    /// <summary>The metadata key of the test accuracy recorded in a checkpoint.</summary>
    public const string TestAccuracyKey = "test_accuracy";

    private readonly nn.Module<Tensor, Tensor> features;
    private readonly Dropout dropout;
    private readonly nn.Module<Tensor, Tensor> head;

    /// <summary>An untrained classifier (PyTorch's default initialisation, from libtorch's generator).</summary>
    public EvaluationClassifier(EvaluationClassifierSettings? settings = null)
    {
        Settings = settings ?? new EvaluationClassifierSettings();
        Settings.Validate();
        features = Settings.FeatureNetwork();
        dropout = nn.Dropout(Settings.Dropout);
        head = nn.Linear(Settings.FeatureSize, Settings.Classes);
        RegisterComponents();
    }

    /// <summary>The architecture.</summary>
    public EvaluationClassifierSettings Settings { get; }

    /// <summary>The metadata of the checkpoint this classifier was loaded from (empty for a new one).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; private set; } = new Dictionary<string, string>();

    /// <summary>The test accuracy recorded in the loaded checkpoint, or null when it records none.</summary>
    public double? TestAccuracy =>
        Metadata.TryGetValue(TestAccuracyKey, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : null;

    /// <summary>D, the width of the features.</summary>
    public long FeatureSize => Settings.FeatureSize;

    /// <summary>The device the weights live on.</summary>
    public Device Device => head.parameters().First().device;

    /// <summary>
    /// Loads the shipped classifier (or the checkpoint at <paramref name="path"/>) onto <paramref name="device"/>
    /// (CPU by default), in evaluation mode.
    /// </summary>
    public static EvaluationClassifier Load(Device? device = null, string? path = null)
    {
        Dictionary<string, string> metadata;
        Dictionary<string, Tensor> tensors;
        string source;
        if (path is null)
        {
            source = $"CourseKit.dll's resource {CheckpointName}";
            using var stream = typeof(EvaluationClassifier).Assembly.GetManifestResourceStream(CheckpointName)
                ?? throw new InvalidOperationException($"{source} is missing: rebuild CourseKit with checkpoints/{CheckpointName} present");
            metadata = Safetensors.ReadMetadata(stream, source);
            stream.Position = 0;
            tensors = Safetensors.Read(stream, source);
        }
        else
        {
            source = Path.GetFullPath(path);
            if (!File.Exists(source)) throw new FileNotFoundException($"EvaluationClassifier.Load: no checkpoint at {source}", source);
            metadata = Safetensors.ReadMetadata(source);
            tensors = load(source);
        }
        try
        {
            var classifier = new EvaluationClassifier(EvaluationClassifierSettings.FromMetadata(metadata, source));
            classifier.load_state_dict(tensors);
            classifier.Metadata = metadata;
            classifier.eval();
            return device is { } d ? classifier.to(d) : classifier;
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <summary>Saves the weights and the settings (plus <paramref name="metadata"/>, e.g. the test accuracy) as safetensors.</summary>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var meta = Settings.ToMetadata();
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) meta[key] = value;
        var state = state_dict();
        try
        {
            save(state, path, meta);
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
    }

    /// <summary>Logits (B, C) of images (B, 1, 28, 28) or (B, 784), with gradient and in the current mode (for training).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var phi = features.call(Images(input, "forward"));                     // (B, D)
        return head.call(dropout.call(phi)).MoveToOuterDisposeScope();         // (B, C)
    }

    /// <summary>The penultimate features φ(x) (N, D) float32 of images (N, 1, 28, 28) in [0, 1], without gradient, in batches.</summary>
    public Tensor Features(Tensor images, int batchSize = 500) => Evaluate(images, batchSize).Features;

    /// <summary>The class probabilities p(y | x) (N, C) float32 of images (N, 1, 28, 28) in [0, 1], without gradient, in batches.</summary>
    public Tensor Probabilities(Tensor images, int batchSize = 500) => Evaluate(images, batchSize).Probabilities;

    /// <summary>The predicted classes (N) int64, argmax_y p(y | x).</summary>
    public Tensor Predict(Tensor images, int batchSize = 500)
    {
        using var p = Probabilities(images, batchSize);
        return p.argmax(1);
    }

    /// <summary>The fraction of <paramref name="images"/> (N, 1, 28, 28) whose predicted class equals <paramref name="labels"/> (N).</summary>
    public double Accuracy(Tensor images, Tensor labels, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        var predicted = Predict(images, batchSize);
        if (labels.dim() != 1 || labels.size(0) != predicted.size(0))
            throw new ArgumentException($"EvaluationClassifier.Accuracy: labels must have shape ({predicted.size(0)}), got [{string.Join(", ", labels.shape)}]");
        return predicted.eq(labels.to(int64, predicted.device)).to(float64).mean().item<double>();
    }

    /// <summary>
    /// Features φ(x) (N, D) and probabilities p(y | x) (N, C) of images (N, 1, 28, 28) or (N, 784) with values
    /// in [0, 1], in one pass: evaluation mode, no gradient, <paramref name="batchSize"/> images at a time on
    /// the classifier's device. Both results live on that device and belong to the caller.
    /// </summary>
    public (Tensor Features, Tensor Probabilities) Evaluate(Tensor images, int batchSize = 500)
    {
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"EvaluationClassifier: batchSize must be at least 1, got {batchSize}");
        using var scope = NewDisposeScope();
        var x = Images(images, "Evaluate");                                    // (N, C, H, W)
        var wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            var phis = new List<Tensor>();
            var probabilities = new List<Tensor>();
            for (long start = 0; start < x.size(0); start += batchSize)
            {
                var batch = x.narrow(0, start, Math.Min(batchSize, x.size(0) - start)).to(Device);
                var phi = features.call(batch);                                // (b, D)
                phis.Add(phi);
                probabilities.Add(head.call(phi).softmax(1));                  // (b, C)
            }
            if (phis.Count == 0)
                return (zeros([0, FeatureSize], device: Device).MoveToOuterDisposeScope(),
                        zeros([0, Settings.Classes], device: Device).MoveToOuterDisposeScope());
            return (cat(phis).MoveToOuterDisposeScope(), cat(probabilities).MoveToOuterDisposeScope());
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <summary>Checks the input and gives it the image shape (B, C, H, W).</summary>
    private Tensor Images(Tensor input, string caller)
    {
        ArgumentNullException.ThrowIfNull(input);
        long c = Settings.Channels, s = Settings.ImageSize;
        var shape = input.shape;
        var flat = shape.Length == 2 && shape[1] == c * s * s;
        if (!flat && !(shape.Length == 4 && shape[1] == c && shape[2] == s && shape[3] == s))
            throw new ArgumentException(
                $"EvaluationClassifier.{caller}: images must have shape (B, {c}, {s}, {s}) or (B, {c * s * s}), got [{string.Join(", ", shape)}]");
        if (!input.is_floating_point())
            throw new ArgumentException($"EvaluationClassifier.{caller}: images must be floating point in [0, 1], got {input.dtype}");
        if (input.numel() > 0)
        {
            using var low = input.min();
            using var high = input.max();
            double lo = low.item<double>(), hi = high.item<double>();
            if (lo < -1e-3 || hi > 1 + 1e-3)
                throw new ArgumentException(
                    $"EvaluationClassifier.{caller}: pixel values must lie in [0, 1], these span [{lo:g4}, {hi:g4}]" +
                    (lo < -0.5 ? " (a tanh generator's output x in [-1, 1] maps to [0, 1] as (x + 1) / 2)" : ""));
        }
        return flat ? input.view(shape[0], c, s, s) : input;
    }
}
