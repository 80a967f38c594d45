namespace CourseKit.Optim;

/// <summary>The argument checks Adam and AdamW share (PyTorch's messages, naming the optimizer).</summary>
internal static class AdamSettings
{
    public static void Check(string optimizer, double beta1, double beta2, double eps, double weightDecay)
    {
        if (!(beta1 >= 0 && beta1 < 1))
            throw new ArgumentOutOfRangeException(nameof(beta1), $"{optimizer}: invalid beta1 {beta1}; it must be in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1))
            throw new ArgumentOutOfRangeException(nameof(beta2), $"{optimizer}: invalid beta2 {beta2}; it must be in [0, 1)");
        if (!(eps >= 0))
            throw new ArgumentOutOfRangeException(nameof(eps), $"{optimizer}: invalid eps {eps}; it must be >= 0");
        if (!(weightDecay >= 0))
            throw new ArgumentOutOfRangeException("weight_decay", $"{optimizer}: invalid weight_decay {weightDecay}; it must be >= 0");
    }
}
