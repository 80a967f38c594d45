namespace CourseKit.Models;

/// <summary>The four GAN objectives of notebook 04; <see cref="GanLosses"/> holds their equations.</summary>
public enum GanLoss
{
    /// <summary>Goodfellow et al. 2014, eq. 1: D maximises log D(x) + log(1 − D(G(z))), G minimises log(1 − D(G(z))).</summary>
    Minimax,

    /// <summary>Goodfellow et al. 2014, section 3: the same D, but G maximises log D(G(z)).</summary>
    NonSaturating,

    /// <summary>Arjovsky et al. 2017, algorithm 1: a critic f with clipped weights, W ≈ E f(x) − E f(G(z)).</summary>
    WassersteinClip,

    /// <summary>Gulrajani et al. 2017, algorithm 1: the Wasserstein critic with a gradient penalty (λ = 10).</summary>
    WassersteinGP,
}
