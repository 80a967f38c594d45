using static CourseKit.torch;

namespace CourseKit.Models.Diffusion;

/// <summary>
/// Classifier-free guidance (Ho &amp; Salimans 2022): one network learns both ε_θ(x_t, t, y) and the
/// unconditional ε_θ(x_t, t, ∅), by replacing the label with the null label ∅ for a share p_uncond of the
/// training examples (<see cref="DropLabels"/>); at sampling time the two predictions are mixed,
/// ε̃ = (1 + w) ε_θ(x_t, t, y) − w ε_θ(x_t, t, ∅) (their eq. 6), which pushes samples towards what makes y
/// likely: w = 0 is the plain conditional model, larger w trades diversity for fidelity.
/// </summary>
public static class ClassifierFreeGuidance
{
    /// <summary>
    /// The labels <paramref name="y"/> (B, int64) with each replaced by <paramref name="nullLabel"/> with
    /// probability <paramref name="pUncond"/> (Ho &amp; Salimans use 0.1 or 0.2).
    /// </summary>
    public static Tensor DropLabels(Tensor y, double pUncond, long nullLabel)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (pUncond is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(pUncond), $"ClassifierFreeGuidance.DropLabels: p_uncond must be in [0, 1], got {pUncond}");
        using var scope = NewDisposeScope();
        var dropped = rand([y.shape[0]], device: y.device).lt(pUncond);      // (B) bool
        return where(dropped, full_like(y, nullLabel), y).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The guided noise predictor ε̃ for labels <paramref name="y"/> (B) and weight <paramref name="w"/>, from a
    /// network <paramref name="epsilon"/>(x_t, t, y). Both predictions come from one batch of 2B, so a guided
    /// step costs one network call (on twice the batch).
    /// </summary>
    public static NoisePredictor Guided(Func<Tensor, Tensor, Tensor, Tensor> epsilon, Tensor y, double w, long nullLabel)
    {
        ArgumentNullException.ThrowIfNull(epsilon);
        ArgumentNullException.ThrowIfNull(y);
        if (w < 0) throw new ArgumentOutOfRangeException(nameof(w), $"ClassifierFreeGuidance.Guided: the guidance weight must be ≥ 0, got {w}");
        return (x_t, t) =>
        {
            if (w == 0) return epsilon(x_t, t, y);
            using var scope = NewDisposeScope();
            var labels = cat([y, full_like(y, nullLabel)]);                  // (2B): y, then ∅
            var both = epsilon(cat([x_t, x_t]), cat([t, t]), labels);        // (2B, C, H, W)
            var parts = both.chunk(2);
            return ((1 + w) * parts[0] - w * parts[1]).MoveToOuterDisposeScope();
        };
    }
}
