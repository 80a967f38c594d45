namespace CourseKit.Data;

/// <summary>The result of <see cref="ModeMixture.CountModes"/>.</summary>
/// <param name="Captured">Modes holding at least the minimum number of high-quality samples.</param>
/// <param name="Modes">K, the number of modes of the mixture.</param>
/// <param name="HighQualityShare">Fraction of samples within 3σ of some centre, in [0, 1].</param>
/// <param name="PerMode">High-quality samples per mode, (K).</param>
/// <param name="Samples">N, the number of samples counted.</param>
public sealed record ModeCount(int Captured, int Modes, double HighQualityShare, long[] PerMode, long Samples);
