using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// Gated PixelCNN (van den Oord et al. 2016, "Conditional Image Generation with PixelCNN Decoders")
/// for binary images: <see cref="GatedLayer"/>s with a vertical and a horizontal stack, so the
/// receptive field of every pixel covers all pixels above it (within the reach of the kernels) and
/// all pixels to its left: the blind spot of <see cref="PixelCnn"/> is gone.
/// <code>
/// x (B, 1, H, W) -> v, h = x, x -> GatedLayer A k1 -> [GatedLayer B k] x Layers
///                -> h -> ReLU -> Conv 1x1 -> ReLU -> Conv 1x1 -> logits (B, 1, H, W)
/// </code>
/// Sizes (<see cref="PixelCnnSettings"/>, shared with <see cref="PixelCnn"/>): the first gated layer has a
/// 7 x 7 reach like PixelCNN's first layer, the rest 3 x 3 (section 2.2, figure 2); the paper's models
/// are far larger than the defaults here (20 layers of 384 maps on CIFAR-10).
/// With <see cref="PixelCnnSettings.Classes"/> K &gt; 0 the model is class-conditional,
/// p(x | y) = Π_i p(x_i | x_&lt;i, y) (section 2.3): every gated layer adds a learned per-class bias
/// inside its gates. Call <see cref="forward(Tensor, Tensor)"/> with the labels, or fix them with
/// <see cref="Given"/> to get an <see cref="AutoregressiveModel"/> that the sampler, the likelihood
/// and the receptive-field tools take unchanged.
/// Parameter names: <c>layers.{i}.*</c> (with <c>layers.{i}.vertical_class.*</c> and
/// <c>layers.{i}.horizontal_class.*</c> when conditional), <c>output_hidden.*</c>, <c>output.*</c>.
/// </summary>
public sealed class GatedPixelCnn : AutoregressiveModel
{
    public GatedPixelCnn(PixelCnnSettings? settings = null)
    {
        Settings = settings ?? new PixelCnnSettings();
        Settings.Validate();
        var (c, k) = (Settings.Channels, Settings.Classes);
        layers = nn.ModuleList(
            [new GatedLayer(1, c, Settings.FirstKernelSize, MaskType.A, k),
             .. Enumerable.Range(0, Settings.Layers).Select(_ => new GatedLayer(c, c, Settings.KernelSize, MaskType.B, k))]);
        output_hidden = nn.Conv2d(c, c, 1);
        output = nn.Conv2d(c, 1, 1);
        RegisterComponents();
    }

    public PixelCnnSettings Settings { get; }
    public Modules.ModuleList<GatedLayer> layers { get; }
    public nn.Module<Tensor, Tensor> output_hidden { get; }
    public nn.Module<Tensor, Tensor> output { get; }

    /// <summary>Whether the model takes a class label (<see cref="PixelCnnSettings.Classes"/> &gt; 0).</summary>
    public bool Conditional => Settings.Classes > 0;

    /// <summary>Logits ℓ (B, 1, H, W) of p(x_ij = 1 | pixels before (i, j)) for binary images x (B, 1, H, W); unconditional models only.</summary>
    public override Tensor forward(Tensor x)
    {
        if (Conditional)
            throw new InvalidOperationException($"{nameof(GatedPixelCnn)}: this model is conditioned on {Settings.Classes} classes: call forward(x, labels) or Given(labels)");
        return Logits(x, null);
    }

    /// <summary>
    /// Logits ℓ (B, 1, H, W) of p(x_ij = 1 | pixels before (i, j), y) for binary images x (B, 1, H, W)
    /// and class labels y (B) int64 in [0, K) (a single label (1) is used for the whole batch).
    /// </summary>
    public Tensor forward(Tensor x, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!Conditional)
            throw new InvalidOperationException($"{nameof(GatedPixelCnn)}: this model is unconditional (Classes = 0): call forward(x)");
        CheckInput(x);
        if (labels.dim() != 1 || (labels.size(0) != x.size(0) && labels.size(0) != 1))
            throw new ArgumentException($"{nameof(GatedPixelCnn)}: labels must be (B) = ({x.size(0)}) or (1), got {labels.Describe()}");
        using var scope = NewDisposeScope();
        var y = nn.functional.one_hot(labels.to(ScalarType.Int64, x.device), Settings.Classes).to(x.dtype);   // (B or 1, K)
        if (y.size(0) != x.size(0)) y = y.expand(x.size(0), Settings.Classes);                                // (B, K)
        return scope.MoveToOuter(Logits(x, y));
    }

    /// <summary>The model with its labels fixed: an unconditional <see cref="AutoregressiveModel"/> of p(x | y = labels).</summary>
    /// <param name="labels">(N) int64, one label per image of the batches it will see, or (1) for all of them.</param>
    public AutoregressiveModel Given(Tensor labels) => new ConditionedPixelCnn(this, labels);

    private Tensor Logits(Tensor x, Tensor? y)
    {
        CheckInput(x);
        using var scope = NewDisposeScope();
        var (v, h) = (x, x);                                                  // (B, 1, H, W) each
        foreach (var layer in layers) (v, h) = layer.forward(v, h, y);        // (B, C, H, W) each
        var a = output_hidden.call(h.relu()).relu();                          // (B, C, H, W)
        return scope.MoveToOuter(output.call(a));                             // (B, 1, H, W)
    }
}
