namespace CourseKit.Models;

/// <summary>How <see cref="GanTrainer"/> trains: the objective, the inner loop, and the extras each loss needs.</summary>
public sealed record GanTrainerSettings
{
    /// <summary>The objective: non-saturating (Goodfellow et al. 2014, section 3) by default.</summary>
    public GanLoss Loss { get; init; } = GanLoss.NonSaturating;

    /// <summary>k, discriminator (critic) steps per generator step: 1 (Goodfellow et al. 2014, algorithm 1; WGAN uses 5).</summary>
    public int DiscriminatorSteps { get; init; } = 1;

    /// <summary>c, the weight-clipping bound of <see cref="GanLoss.WassersteinClip"/>: 0.01 (Arjovsky et al. 2017, algorithm 1).</summary>
    public double Clip { get; init; } = 0.01;

    /// <summary>λ, the gradient-penalty weight of <see cref="GanLoss.WassersteinGP"/>: 10 (Gulrajani et al. 2017, algorithm 1).</summary>
    public double Lambda { get; init; } = 10;

    /// <summary>Decay of an exponential moving average of G's weights, or null for none (0.999 is common; Karras et al. 2018). Only parameters are averaged, not batch-norm statistics.</summary>
    public double? EmaDecay { get; init; }

    public void Validate()
    {
        if (DiscriminatorSteps < 1)
            throw new ArgumentException($"{nameof(GanTrainerSettings)}: DiscriminatorSteps (k) must be at least 1, got {DiscriminatorSteps}");
        if (!(Clip > 0)) throw new ArgumentException($"{nameof(GanTrainerSettings)}: Clip (c) must be positive, got {Clip}");
        if (!(Lambda >= 0)) throw new ArgumentException($"{nameof(GanTrainerSettings)}: Lambda (λ) must be non-negative, got {Lambda}");
        if (EmaDecay is { } d && !(d >= 0 && d <= 1))
            throw new ArgumentException($"{nameof(GanTrainerSettings)}: EmaDecay must be in [0, 1], got {d}");
        if (!Enum.IsDefined(Loss)) throw new ArgumentException($"{nameof(GanTrainerSettings)}: unknown loss {Loss}");
    }
}
