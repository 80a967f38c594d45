namespace CourseKit.Data;

/// <summary>
/// How <see cref="DataLoader"/> turns pixel intensities x in [0, 1] into a model's input.
/// </summary>
public enum PixelTransform
{
    /// <summary>Intensities as stored: x in [0, 1].</summary>
    None,

    /// <summary>
    /// Fixed binarization: 1 where x &gt; 0.5, else 0. The same image always gives the same
    /// binary image (for MNIST pixels k / 255 the threshold falls between 127 and 128, so no
    /// pixel sits on it).
    /// </summary>
    Binarize,

    /// <summary>
    /// Stochastic (dynamic) binarization: each pixel is 1 with probability x, drawn afresh every
    /// time the example is served, b ~ Bernoulli(x), as in the VAE literature (Salakhutdinov and
    /// Murray 2008, "On the quantitative analysis of deep belief networks", ICML; Burda, Grosse and
    /// Salakhutdinov 2016, "Importance weighted autoencoders", ICLR). The draws come from the
    /// loader's seed, so a seeded loader repeats them.
    /// </summary>
    StochasticBinarize,

    /// <summary>
    /// Rescale to [-1, 1]: 2x - 1, the range of a tanh output, used by GANs (Radford, Metz and
    /// Chintala 2016, DCGAN) and diffusion models (Ho, Jain and Abbeel 2020, DDPM, section 3.3).
    /// </summary>
    Rescale,
}
