using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// The pix2pix objective (Isola et al. 2017, equations 1–4) on PatchGAN logits d (B, 1, h, w), D = σ(d), each
/// patch one Bernoulli decision, written as quantities to minimise and averaged over patches and the batch:
/// <code>
/// L_cGAN(G, D) = E_{x,y}[log D(x, y)] + E_x[log(1 − D(x, G(x)))]
/// L_L1(G)      = E_{x,y} ‖y − G(x)‖₁                  (here: the mean absolute error per pixel)
/// G* = arg min_G max_D L_cGAN(G, D) + λ L_L1(G),      λ = 100
/// </code>
/// G minimises the non-saturating form softplus(−d(x, G(x))) (section 3.3), and D's loss is halved, as in the
/// paper, to slow D relative to G. log D = −softplus(−d) and log(1 − D) = −softplus(d) keep every term exact.
/// </summary>
public static class Pix2PixLosses
{
    /// <summary>
    /// G's loss: <c>E softplus(−d(x, G(x))) + λ · mean |y − G(x)|</c>, a scalar, for the fakes' patch logits
    /// (B, 1, h, w), the outputs G(x) and the targets y (B, C, H, W).
    /// </summary>
    public static Tensor Generator(Tensor fakeLogits, Tensor output, Tensor target, double lambda = 100)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        return Adversarial(fakeLogits) + L1(output, target) * lambda;
    }

    /// <summary>The generator's adversarial term alone, E softplus(−d(x, G(x))): a scalar.</summary>
    public static Tensor Adversarial(Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        return nn.functional.softplus(fakeLogits.neg()).mean();
    }

    /// <summary>L_L1 = mean |y − G(x)| over pixels and batch: a scalar, the term the L1-only baseline minimises.</summary>
    public static Tensor L1(Tensor output, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(target);
        if (!output.shape.SequenceEqual(target.shape))
            throw new ArgumentException($"{nameof(Pix2PixLosses)}.{nameof(L1)}: output and target must have the same shape, got {output.Describe()} and {target.Describe()}");
        return (output - target).abs().mean();
    }

    /// <summary>
    /// D's loss: <c>½ [E softplus(−d(x, y)) + E softplus(d(x, G(x)))]</c>, a scalar, from the patch logits of real
    /// pairs and of generated pairs (halved: Isola et al. 2017, section 3.3).
    /// </summary>
    public static Tensor Discriminator(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        return (nn.functional.softplus(realLogits.neg()).mean() + nn.functional.softplus(fakeLogits).mean()) * 0.5;
    }
}
