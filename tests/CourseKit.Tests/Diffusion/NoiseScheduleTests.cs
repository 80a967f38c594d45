using CourseKit.Models.Diffusion;

namespace CourseKit.Tests.Diffusion;

/// <summary>The schedules' quantities against their closed forms, computed here a second way.</summary>
public sealed class NoiseScheduleTests
{
    [Fact]
    public void LinearScheduleIsDdpms()
    {
        var s = NoiseSchedule.Linear();
        Assert.Equal(1000, s.Steps);
        Assert.Equal(1e-4, s.Beta[0], 1e-15);
        Assert.Equal(0.02, s.Beta[999], 1e-15);
        Assert.Equal(1e-4 + 0.0199 * 500 / 999, s.Beta[500], 1e-15);
        // ᾱ_T of DDPM's schedule, as numpy's cumprod(1 - linspace(1e-4, 0.02, 1000))[-1] gives it.
        Assert.Equal(4.035829765375676e-05, s.AlphaBar[999], 1e-15);
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("cosine")]
    public void AlphaBarIsTheProductOfTheAlphasAndFalls(string name)
    {
        var s = name == "linear" ? NoiseSchedule.Linear() : NoiseSchedule.Cosine();
        var logSum = 0.0;
        for (var t = 0; t < s.Steps; t++)
        {
            logSum += Math.Log(1 - s.Beta[t]);
            Assert.Equal(Math.Exp(logSum), s.AlphaBar[t], 1e-12);             // ᾱ_t = exp Σ log(1 − β_s)
            Assert.Equal(t == 0 ? 1 : s.AlphaBar[t - 1], s.AlphaBarPrev[t]);
            if (t > 0)
            {
                Assert.True(s.AlphaBar[t] < s.AlphaBar[t - 1], $"ᾱ must fall: t = {t}");
                Assert.True(s.Snr(t) < s.Snr(t - 1), $"SNR must fall: t = {t}");
            }
            Assert.Equal(s.AlphaBar[t] / (1 - s.AlphaBar[t]), s.Snr(t), 1e-9 * s.Snr(t));
        }
    }

    /// <summary>Nichol &amp; Dhariwal's ᾱ(t) = f(t) / f(0), f(t) = cos²((t/T + s)/(1 + s) · π/2), wherever β is not capped.</summary>
    [Fact]
    public void CosineScheduleFollowsItsClosedForm()
    {
        var s = NoiseSchedule.Cosine(steps: 500);
        static double F(double t) => Math.Pow(Math.Cos((t / 500 + 0.008) / 1.008 * Math.PI / 2), 2);
        for (var t = 0; t < 499; t++)
            Assert.Equal(F(t + 1) / F(0), s.AlphaBar[t], 1e-9);
        Assert.Equal(0.999, s.Beta[499], 1e-12);                                // the last β is capped
        Assert.True(s.AlphaBar[250] > NoiseSchedule.Linear(500).AlphaBar[250], "cosine keeps more signal mid-way");
    }

    [Fact]
    public void PosteriorVarianceIsZeroAtTheFirstStepAndBelowBeta()
    {
        var s = NoiseSchedule.Linear();
        Assert.Equal(0, s.PosteriorVariance(0));
        for (var t = 1; t < s.Steps; t++) Assert.InRange(s.PosteriorVariance(t), 0, s.Beta[t]);
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        var s = NoiseSchedule.Linear(10);
        Assert.Contains("step 10 is outside 0 … 9", Assert.Throws<ArgumentOutOfRangeException>(() => s.Snr(10)).Message);
        Assert.Contains("step -1", Assert.Throws<ArgumentOutOfRangeException>(() => s.PosteriorVariance(-1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseSchedule.Linear(0));
        Assert.Contains("betaStart ≤ betaEnd", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseSchedule.Linear(10, 0.1, 0.01)).Message);
    }

    [Fact]
    public void FromBetaDerivesTheSameQuantitiesAsTheNamedSchedules()
    {
        var linear = NoiseSchedule.Linear(50);
        var copy = NoiseSchedule.FromBeta(linear.Beta);
        Assert.Equal("custom", copy.Name);
        Assert.Equal(linear.AlphaBar, copy.AlphaBar);
        Assert.Equal(linear.PosteriorVariance(7), copy.PosteriorVariance(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseSchedule.FromBeta([0.1, 1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseSchedule.FromBeta([]));
    }
}
