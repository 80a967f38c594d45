namespace CourseKit.Models.Diffusion;

/// <summary>
/// The fixed variance σ_t² of the reverse step p_θ(x_{t−1} | x_t) = N(μ_θ(x_t, t), σ_t² I). Ho et al. 2020
/// (§3.2) try both and report similar samples: β_t is optimal when x_0 ~ N(0, I), β̃_t when x_0 is one
/// fixed point; they are the two ends of the range of reasonable choices.
/// </summary>
public enum ReverseVariance
{
    /// <summary>σ_t² = β_t.</summary>
    Beta,

    /// <summary>σ_t² = β̃_t = (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · β_t, the variance of q(x_{t−1} | x_t, x_0).</summary>
    PosteriorBetaTilde,
}
