using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A class-conditional DCGAN for 28 × 28 digits: the networks of <see cref="DcganSettings"/> (Radford et al.
/// 2016) with the label y given to both players, as in the conditional GAN of Mirza &amp; Osindero 2014.
/// <list type="bullet">
/// <item>G takes y through a learned <b>label embedding</b> e(y) (K × E) concatenated with z:
/// <c>[z, e(y)] (B, Z + E) -> Linear -> (B, 2c, H/4, W/4) -> ... -> (B, C, H, W)</c>
/// (<see cref="ConditionalGenerator"/>).</item>
/// <item>D is a <b>projection discriminator</b> (Miyato &amp; Koyama 2018, "cGANs with Projection
/// Discriminator", equation 3): d(x, y) = ψ(φ(x)) + ⟨V_y, φ(x)⟩, where φ is DCGAN's convolutional trunk, ψ its
/// final linear layer and V a learned embedding of the classes in φ's space (<see cref="ProjectionDiscriminator"/>).
/// Projection, rather than concatenating y to D's input, is what Miyato &amp; Koyama found to make samples
/// match their labels best.</item>
/// </list>
/// Weights are initialised as in DCGAN: N(0, 0.02) (batch-norm scales N(1, 0.02)); G's label embedding N(0, 1),
/// the scale of z; D's class embedding N(0, 0.02), the scale of ψ.
/// </summary>
public sealed record ConditionalDcganSettings
{
    /// <summary>K, the number of classes: 10.</summary>
    public long Classes { get; init; } = 10;

    /// <summary>E, the size of G's label embedding: 10 (as large as a one-hot code).</summary>
    public long LabelEmbedding { get; init; } = 10;

    /// <summary>The unconditional networks' settings: Z = 100, c = 64, batch norm in D (<see cref="DcganSettings"/>).</summary>
    public DcganSettings Network { get; init; } = new();

    private long Bottleneck => 2 * Network.BaseChannels * (Network.Height / 4) * (Network.Width / 4);

    /// <summary>G: z (B, Z) and labels (B) -> images (B, C, H, W) in [−1, 1].</summary>
    public ConditionalGenerator Generator()
    {
        Validate();
        var n = Network;
        var c = n.BaseChannels;
        var net = nn.Sequential(
            nn.Linear(n.LatentSize + LabelEmbedding, Bottleneck), nn.Unflatten(1, [2 * c, n.Height / 4, n.Width / 4]),   // (B, 2c, H/4, W/4)
            nn.BatchNorm2d(2 * c), nn.ReLU(),
            nn.ConvTranspose2d(2 * c, c, 4, stride: 2, padding: 1), nn.BatchNorm2d(c), nn.ReLU(),                          // (B, c, H/2, W/2)
            nn.ConvTranspose2d(c, n.Channels, 4, stride: 2, padding: 1), nn.Tanh());                                        // (B, C, H, W)
        DcganSettings.Initialize(net, n.InitStd);
        return new ConditionalGenerator(net, nn.Embedding(Classes, LabelEmbedding), n.LatentSize);
    }

    /// <summary>D: images (B, C, H, W) and labels (B) -> logits (B, 1).</summary>
    public ProjectionDiscriminator Discriminator()
    {
        Validate();
        var n = Network;
        var c = n.BaseChannels;
        var phi = nn.Sequential(
            nn.Conv2d(n.Channels, c, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),                      // (B, c, H/2, W/2)
            nn.Conv2d(c, 2 * c, 4, stride: 2, padding: 1),                                               // (B, 2c, H/4, W/4)
            n.DiscriminatorBatchNorm ? nn.BatchNorm2d(2 * c) : nn.Identity(), nn.LeakyReLU(0.2),
            nn.Flatten());                                                                                // φ(x), (B, F)
        var psi = nn.Linear(Bottleneck, 1);                                                              // ψ, (B, F) -> (B, 1)
        var embed = nn.Embedding(Classes, Bottleneck);                                                   // V, (K, F)
        DcganSettings.Initialize(phi, n.InitStd);
        DcganSettings.Initialize(psi, n.InitStd);
        using (no_grad()) nn.init.normal_(embed.weight, 0, n.InitStd);
        return new ProjectionDiscriminator(phi, psi, embed);
    }

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Network);
        Network.Validate();
        if (Classes < 1 || LabelEmbedding < 1)
            throw new ArgumentException($"{nameof(ConditionalDcganSettings)}: Classes and LabelEmbedding must be positive, got {Classes} and {LabelEmbedding}");
    }
}
