using System.Globalization;
using static CourseKit.torch;

namespace CourseKit.Metrics;

/// <summary>
/// The evaluation classifier's architecture, a LeNet-style conv net (LeCun et al. 1998) for 28 × 28 digits:
/// <code>
/// (B, 1, 28, 28) -> Conv 3x3 pad 1 -> ReLU -> MaxPool 2 -> (B, c1, 14, 14)
///                -> Conv 3x3 pad 1 -> ReLU -> MaxPool 2 -> (B, c2, 7, 7) -> Flatten -> (B, c2·49)
///                -> Linear -> ReLU -> (B, D)  the penultimate features φ(x) that FID and precision/recall use
///                -> Dropout -> Linear -> (B, C) logits; softmax gives p(y | x) for the Inception Score
/// </code>
/// With the defaults it has 106,000 parameters (424 kB in float32).
/// </summary>
public sealed record EvaluationClassifierSettings
{
    /// <summary>Image channels: 1 (greyscale).</summary>
    public long Channels { get; init; } = 1;

    /// <summary>Image height and width in pixels: 28 (MNIST); must be divisible by 4 (two 2x2 poolings).</summary>
    public long ImageSize { get; init; } = 28;

    /// <summary>C, the number of classes: 10 digits.</summary>
    public long Classes { get; init; } = 10;

    /// <summary>Channels (c1, c2) of the two convolutions: (16, 32).</summary>
    public (long First, long Second) ConvChannels { get; init; } = (16, 32);

    /// <summary>D, the width of the penultimate layer, i.e. of the features FID compares: 64.</summary>
    public long FeatureSize { get; init; } = 64;

    /// <summary>Dropout probability on the features during training (Srivastava et al. 2014): 0.25.</summary>
    public double Dropout { get; init; } = 0.25;

    /// <summary>Values of the last feature map, c2 · (H/4) · (W/4).</summary>
    internal long Bottleneck => ConvChannels.Second * (ImageSize / 4) * (ImageSize / 4);

    /// <summary>Raises an <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        const string name = nameof(EvaluationClassifierSettings);
        if (Channels < 1 || Classes < 2 || FeatureSize < 1 || ConvChannels.First < 1 || ConvChannels.Second < 1)
            throw new ArgumentException($"{name}: Channels, FeatureSize and ConvChannels must be positive and Classes at least 2, got {this}");
        if (ImageSize < 4 || ImageSize % 4 != 0)
            throw new ArgumentException($"{name}: ImageSize must be a positive multiple of 4 (two 2x2 poolings), got {ImageSize}");
        if (Dropout is < 0 or >= 1)
            throw new ArgumentException($"{name}: Dropout must lie in [0, 1), got {Dropout}");
    }

    /// <summary>The settings as checkpoint metadata strings (invariant culture).</summary>
    internal Dictionary<string, string> ToMetadata() => new()
    {
        ["channels"] = Channels.ToString(CultureInfo.InvariantCulture),
        ["image_size"] = ImageSize.ToString(CultureInfo.InvariantCulture),
        ["classes"] = Classes.ToString(CultureInfo.InvariantCulture),
        ["conv_channels"] = $"{ConvChannels.First.ToString(CultureInfo.InvariantCulture)},{ConvChannels.Second.ToString(CultureInfo.InvariantCulture)}",
        ["feature_size"] = FeatureSize.ToString(CultureInfo.InvariantCulture),
        ["dropout"] = Dropout.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Settings read back from checkpoint metadata; keys that are absent keep their defaults.</summary>
    internal static EvaluationClassifierSettings FromMetadata(IReadOnlyDictionary<string, string> metadata, string source)
    {
        var settings = new EvaluationClassifierSettings();
        long Long(string key, long fallback) =>
            !metadata.TryGetValue(key, out var text) ? fallback
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : throw new InvalidDataException($"{source}: metadata '{key}' = '{text}' is not an integer");
        var conv = settings.ConvChannels;
        if (metadata.TryGetValue("conv_channels", out var convText))
        {
            var parts = convText.Split(',');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c1)
                                  || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c2))
                throw new InvalidDataException($"{source}: metadata 'conv_channels' = '{convText}' is not two integers 'c1,c2'");
            conv = (c1, c2);
        }
        return settings with
        {
            Channels = Long("channels", settings.Channels),
            ImageSize = Long("image_size", settings.ImageSize),
            Classes = Long("classes", settings.Classes),
            ConvChannels = conv,
            FeatureSize = Long("feature_size", settings.FeatureSize),
        };
    }

    /// <summary>φ: image (B, C, H, W) to the penultimate features (B, D).</summary>
    internal nn.Module<Tensor, Tensor> FeatureNetwork() => nn.Sequential(
        nn.Conv2d(Channels, ConvChannels.First, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),              // (B, c1, H/2, W/2)
        nn.Conv2d(ConvChannels.First, ConvChannels.Second, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),   // (B, c2, H/4, W/4)
        nn.Flatten(),                                                                                     // (B, c2·H/4·W/4)
        nn.Linear(Bottleneck, FeatureSize), nn.ReLU());                                                   // (B, D)
}
