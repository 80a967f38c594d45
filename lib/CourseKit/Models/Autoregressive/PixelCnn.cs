using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// PixelCNN (van den Oord, Kalchbrenner &amp; Kavukcuoglu 2016, "Pixel Recurrent Neural Networks",
/// section 3.5) for binary images: a stack of masked convolutions keeps the output at every pixel a
/// function of the pixels before it, so all D conditionals come out of one forward pass.
/// <code>
/// x (B, 1, H, W) -> MaskedConv A k1 x k1 -> ReLU -> [MaskedConv B k x k -> ReLU] x Layers
///                -> Conv 1x1 -> ReLU -> Conv 1x1 -> logits (B, 1, H, W)
/// </code>
/// Stacked raster masks leave a blind spot: pixels above and to the right of the predicted pixel that
/// no path through the stack reaches, however deep it is (van den Oord et al. 2016, "Conditional Image
/// Generation with PixelCNN Decoders", figure 1); <see cref="GatedPixelCnn"/> removes it.
/// Sizes (<see cref="PixelCnnSettings"/>): the paper's MNIST model (table 4) has h = 128 maps and 15
/// type-B layers after a 7 x 7 type-A layer; the defaults here are 32 maps and 5 layers, and the
/// notebook uses 16, so that it trains on a laptop CPU.
/// Parameter names: <c>input_conv.*</c>, <c>hidden.{i}.*</c>, <c>output_hidden.*</c>, <c>output.*</c>.
/// </summary>
public sealed class PixelCnn : AutoregressiveModel
{
    public PixelCnn(PixelCnnSettings? settings = null)
    {
        Settings = settings ?? new PixelCnnSettings();
        Settings.Validate();
        if (Settings.Classes != 0)
            throw new ArgumentException($"{nameof(PixelCnn)} is unconditional: {nameof(PixelCnnSettings)}.Classes must be 0, got {Settings.Classes}; use {nameof(GatedPixelCnn)} for a class-conditional model");
        var h = Settings.Channels;
        input_conv = MaskedConv2d.Raster(1, h, Settings.FirstKernelSize, MaskType.A);
        hidden = nn.ModuleList(Enumerable.Range(0, Settings.Layers)
            .Select(_ => MaskedConv2d.Raster(h, h, Settings.KernelSize, MaskType.B)).ToArray());
        output_hidden = nn.Conv2d(h, h, 1);
        output = nn.Conv2d(h, 1, 1);
        RegisterComponents();
    }

    public PixelCnnSettings Settings { get; }
    public MaskedConv2d input_conv { get; }
    public Modules.ModuleList<MaskedConv2d> hidden { get; }
    public nn.Module<Tensor, Tensor> output_hidden { get; }
    public nn.Module<Tensor, Tensor> output { get; }

    /// <summary>Logits ℓ (B, 1, H, W) of p(x_ij = 1 | pixels before (i, j)) for binary images x (B, 1, H, W).</summary>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);
        using var scope = NewDisposeScope();
        var a = input_conv.call(x).relu();                                    // (B, h, H, W)
        foreach (var layer in hidden) a = layer.call(a).relu();               // (B, h, H, W)
        a = output_hidden.call(a).relu();                                     // (B, h, H, W)
        return scope.MoveToOuter(output.call(a));                             // (B, 1, H, W)
    }
}
