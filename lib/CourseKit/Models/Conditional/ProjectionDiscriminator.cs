using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The projection discriminator of Miyato &amp; Koyama 2018 ("cGANs with Projection Discriminator", equation 3):
/// <code>
/// d(x, y) = ψ(φ(x)) + ⟨V_y, φ(x)⟩          φ(x) (B, F),  ψ: (B, F) -> (B, 1),  V (K, F)
/// </code>
/// The first term judges whether x looks like data at all, the second whether it looks like class y. They
/// derive the form from the log-ratio log p_data(y | x) / p_g(y | x) of two softmax classifiers, which is
/// linear in a one-hot y. Built by <see cref="ConditionalDcganSettings.Discriminator"/>. Parameter names:
/// <c>phi.*</c>, <c>psi.*</c>, <c>embed.*</c>.
/// </summary>
public sealed class ProjectionDiscriminator : nn.Module<Tensor, Tensor, Tensor>
{
    public ProjectionDiscriminator(nn.Module<Tensor, Tensor> phi, nn.Module<Tensor, Tensor> psi, Modules.Embedding embed)
    {
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentNullException.ThrowIfNull(psi);
        ArgumentNullException.ThrowIfNull(embed);
        this.phi = phi;
        this.psi = psi;
        this.embed = embed;
        RegisterComponents();
    }

    /// <summary>φ: images (B, C, H, W) -> features (B, F).</summary>
    public nn.Module<Tensor, Tensor> phi { get; }

    /// <summary>ψ: features (B, F) -> the unconditional logit (B, 1).</summary>
    public nn.Module<Tensor, Tensor> psi { get; }

    /// <summary>V: labels (B) -> class vectors (B, F).</summary>
    public Modules.Embedding embed { get; }

    /// <summary>d(x, y), the logit of D(x, y) = σ(d): (B, 1) for images (B, C, H, W) and labels (B).</summary>
    public override Tensor forward(Tensor x, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.dim() != 1 || labels.size(0) != x.size(0))
            throw new ArgumentException($"{nameof(ProjectionDiscriminator)}: labels must be (B) = ({x.size(0)}), got {labels.Describe()}");
        using var scope = NewDisposeScope();
        var features = phi.call(x);                                                          // φ(x), (B, F)
        var v = embed.call(labels.to(ScalarType.Int64, x.device));                           // V_y, (B, F)
        var projection = (v * features).sum(1, keepdim: true);                              // ⟨V_y, φ(x)⟩, (B, 1)
        return scope.MoveToOuter(psi.call(features) + projection);                          // (B, 1)
    }
}
