using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// pix2pix's U-Net generator (Isola et al. 2017, section 3.2.1 and appendix 6.1.1; Ronneberger et al. 2015) for
/// 28 × 28 images: an encoder that halves the resolution three times and a decoder that doubles it back, with
/// <b>skip connections</b> that concatenate each encoder level to the decoder level of the same size, so the
/// input's fine detail (here: the visible part of the digit) reaches the output without squeezing through the
/// 4 × 4 bottleneck.
/// <code>
/// x (B, Cin, 28, 28) -> e1 = LReLU(Conv 4/2)            (B, c, 14, 14)      no batch norm in the first layer
///                    -> e2 = LReLU(BN(Conv 4/2))        (B, 2c, 7, 7)
///                    -> e3 = ReLU(Conv 3/2)             (B, 4c, 4, 4)       the bottleneck
/// d3 = Dropout(ReLU(BN(ConvT 3/2 e3)))                  (B, 2c, 7, 7)
/// d2 = ReLU(BN(ConvT 4/2 [d3, e2]))                     (B, c, 14, 14)
/// G(x) = tanh(ConvT 4/2 [d2, e1])                       (B, Cout, 28, 28)   in [−1, 1]
/// </code>
/// There is no z: the paper found the generator learned to ignore input noise, and keeps dropout (also at test
/// time) as its only source of randomness. Parameter names: <c>down1..3.*</c>, <c>up3..1.*</c>.
/// </summary>
public sealed class UNetGenerator : nn.Module<Tensor, Tensor>
{
    public UNetGenerator(long inputChannels, long outputChannels, long channels, double dropout)
    {
        var c = channels;
        down1 = nn.Sequential(nn.Conv2d(inputChannels, c, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2));
        down2 = nn.Sequential(nn.Conv2d(c, 2 * c, 4, stride: 2, padding: 1), nn.BatchNorm2d(2 * c), nn.LeakyReLU(0.2));
        down3 = nn.Sequential(nn.Conv2d(2 * c, 4 * c, 3, stride: 2, padding: 1), nn.ReLU());
        up3 = nn.Sequential(nn.ConvTranspose2d(4 * c, 2 * c, 3, stride: 2, padding: 1), nn.BatchNorm2d(2 * c), nn.ReLU(), nn.Dropout(dropout));
        up2 = nn.Sequential(nn.ConvTranspose2d(4 * c, c, 4, stride: 2, padding: 1), nn.BatchNorm2d(c), nn.ReLU());
        up1 = nn.Sequential(nn.ConvTranspose2d(2 * c, outputChannels, 4, stride: 2, padding: 1), nn.Tanh());
        InputChannels = inputChannels;
        RegisterComponents();
    }

    public long InputChannels { get; }
    public nn.Module<Tensor, Tensor> down1 { get; }
    public nn.Module<Tensor, Tensor> down2 { get; }
    public nn.Module<Tensor, Tensor> down3 { get; }
    public nn.Module<Tensor, Tensor> up3 { get; }
    public nn.Module<Tensor, Tensor> up2 { get; }
    public nn.Module<Tensor, Tensor> up1 { get; }

    /// <summary>The device of the weights.</summary>
    public Device Device => parameters().First().device;

    /// <summary>G(x): (B, Cout, 28, 28) in [−1, 1] for inputs x (B, Cin, 28, 28) in [−1, 1].</summary>
    public override Tensor forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 4 || x.size(1) != InputChannels || x.size(2) != 28 || x.size(3) != 28)
            throw new ArgumentException($"{nameof(UNetGenerator)}: expected inputs (B, {InputChannels}, 28, 28), got {x.Describe()}");
        using var scope = NewDisposeScope();
        var e1 = down1.call(x);                                                 // (B, c, 14, 14)
        var e2 = down2.call(e1);                                                // (B, 2c, 7, 7)
        var e3 = down3.call(e2);                                                // (B, 4c, 4, 4)
        var d3 = up3.call(e3);                                                  // (B, 2c, 7, 7)
        var d2 = up2.call(cat([d3, e2], 1));                                    // skip: (B, 4c, 7, 7) -> (B, c, 14, 14)
        return scope.MoveToOuter(up1.call(cat([d2, e1], 1)));                   // skip: (B, 2c, 14, 14) -> (B, Cout, 28, 28)
    }

    /// <summary>
    /// G(x) without gradient, with batch norm in evaluation mode and dropout kept on, as the paper applies it
    /// at test time (the mode is restored).
    /// </summary>
    public Tensor Translate(Tensor x)
    {
        var wasTraining = training;
        eval();
        foreach (var m in modules().OfType<Modules.Dropout>()) m.train();
        try
        {
            using var noGrad = no_grad();
            return forward(x);
        }
        finally
        {
            train(wasTraining);
        }
    }
}
