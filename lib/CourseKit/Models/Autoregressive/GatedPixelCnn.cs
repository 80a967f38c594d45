using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// Gated PixelCNN (van den Oord et al. 2016, "Conditional Image Generation with PixelCNN Decoders")
/// for binary images, unconditional: <see cref="GatedLayer"/>s with a vertical and a horizontal stack,
/// so the receptive field of every pixel covers all pixels above it (within the reach of the kernels)
/// and all pixels to its left: the blind spot of <see cref="PixelCnn"/> is gone.
/// <code>
/// x (B, 1, H, W) -> v, h = x, x -> GatedLayer A k1 -> [GatedLayer B k] x Layers
///                -> h -> ReLU -> Conv 1x1 -> ReLU -> Conv 1x1 -> logits (B, 1, H, W)
/// </code>
/// Sizes (<see cref="PixelCnnSettings"/>, shared with <see cref="PixelCnn"/>): the first gated layer has a
/// 7 x 7 reach like PixelCNN's first layer, the rest 3 x 3 (section 2.2, figure 2); the paper's models
/// are far larger than the defaults here (20 layers of 384 maps on CIFAR-10).
/// Parameter names: <c>layers.{i}.*</c>, <c>output_hidden.*</c>, <c>output.*</c>.
/// </summary>
public sealed class GatedPixelCnn : AutoregressiveModel
{
    public GatedPixelCnn(PixelCnnSettings? settings = null)
    {
        Settings = settings ?? new PixelCnnSettings();
        Settings.Validate();
        var c = Settings.Channels;
        layers = nn.ModuleList(
            [new GatedLayer(1, c, Settings.FirstKernelSize, MaskType.A),
             .. Enumerable.Range(0, Settings.Layers).Select(_ => new GatedLayer(c, c, Settings.KernelSize, MaskType.B))]);
        output_hidden = nn.Conv2d(c, c, 1);
        output = nn.Conv2d(c, 1, 1);
        RegisterComponents();
    }

    public PixelCnnSettings Settings { get; }
    public Modules.ModuleList<GatedLayer> layers { get; }
    public nn.Module<Tensor, Tensor> output_hidden { get; }
    public nn.Module<Tensor, Tensor> output { get; }

    /// <summary>Logits ℓ (B, 1, H, W) of p(x_ij = 1 | pixels before (i, j)) for binary images x (B, 1, H, W).</summary>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);
        using var scope = NewDisposeScope();
        var (v, h) = (x, x);                                                  // (B, 1, H, W) each
        foreach (var layer in layers) (v, h) = layer.call(v, h);              // (B, C, H, W) each
        var a = output_hidden.call(h.relu()).relu();                          // (B, C, H, W)
        return scope.MoveToOuter(output.call(a));                             // (B, 1, H, W)
    }
}
