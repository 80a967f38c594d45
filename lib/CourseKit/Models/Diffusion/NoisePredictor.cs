using static CourseKit.torch;

namespace CourseKit.Models.Diffusion;

/// <summary>
/// The network of a diffusion model, ε_θ(x_t, t): given noisy images x_t (B, C, H, W) and their
/// steps t (B, int64), the noise ε (B, C, H, W) that was mixed into them. A conditional model closes
/// over its labels (<see cref="ClassifierFreeGuidance"/>); a U-Net passes <c>(x, t) =&gt; unet.call(x, t, y)</c>.
/// </summary>
public delegate Tensor NoisePredictor(Tensor x_t, Tensor t);
