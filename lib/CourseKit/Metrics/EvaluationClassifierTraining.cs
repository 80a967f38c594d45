namespace CourseKit.Metrics;

/// <summary>How the shipped evaluation classifier is trained (<c>./coursekit classifier</c> uses these defaults).</summary>
public sealed record EvaluationClassifierTraining
{
    /// <summary>Passes over the 8,000 training images: 12.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Images per step: 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam's step size (Kingma &amp; Ba 2015): 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// Largest random shift, in pixels, applied to each training image (a translation by up to this many
    /// pixels in x and y, zero filled): 2. 0 turns the augmentation off.
    /// </summary>
    public int MaxShift { get; init; } = 2;

    /// <summary>Seeds libtorch's generator (initial weights, dropout), the data order and the shifts: 0.</summary>
    public int Seed { get; init; } = 0;

    /// <summary>Raises an <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Epochs < 1 || BatchSize < 1 || !(LearningRate > 0) || MaxShift is < 0 or > 8)
            throw new ArgumentException(
                $"{nameof(EvaluationClassifierTraining)}: Epochs and BatchSize must be at least 1, LearningRate positive and MaxShift in [0, 8], got {this}");
    }
}
