using CourseKit.Exercises;
using CourseKit.Losses;
using CourseKit.Models;

namespace CourseKit.Tests.Exercises;

/// <summary>The checks of notebook 02's exercises: the library's own functions pass, typical mistakes get their hint.</summary>
public sealed class AutoregressiveExerciseTests
{
    [Fact]
    public void MaskCheckPassesTheLibraryMaskAndNamesSwappedTypes()
    {
        Assert.True(AutoregressiveExercises.CheckMask(CausalMask.Raster).Passed);
        var swapped = AutoregressiveExercises.CheckMask((k, t) => CausalMask.Raster(k, t == MaskType.A ? MaskType.B : MaskType.A));
        Assert.False(swapped.Passed);
        Assert.Contains("swapped", swapped.Hint);
        var lower = AutoregressiveExercises.CheckMask((k, t) => CausalMask.Raster(k, t).flip(0));
        Assert.False(lower.Passed);
        var missing = AutoregressiveExercises.CheckMask((_, _) => throw new NotImplementedException());
        Assert.Contains("not implemented", missing.Message);
    }

    [Fact]
    public void BitsPerDimCheckPassesTheLibraryAndNamesAMissingLn2()
    {
        Assert.True(AutoregressiveExercises.CheckBitsPerDim(BitsPerDim.FromNats).Passed);
        var nats = AutoregressiveExercises.CheckBitsPerDim((x, d) => x / d);
        Assert.False(nats.Passed);
        Assert.Contains("ln 2", nats.Hint);
    }

    [Fact]
    public void SamplerCheckPassesTheLibraryAndCatchesOnePassSampling()
    {
        Assert.True(AutoregressiveExercises.CheckSampler(AutoregressiveSampler.Sample).Passed);
        // All pixels drawn from one forward pass on the empty image: not autoregressive.
        var onePass = AutoregressiveExercises.CheckSampler((model, n, h, w, t) =>
        {
            using var _ = no_grad();
            using var x = zeros(n, 1, h, w);
            using var logits = model.call(x);
            return bernoulli((logits / t).sigmoid());
        });
        Assert.False(onePass.Passed);
        Assert.Contains("earlier pixels already filled in", onePass.Hint);
        var noTemperature = AutoregressiveExercises.CheckSampler((model, n, h, w, _) => AutoregressiveSampler.Sample(model, n, h, w));
        Assert.False(noTemperature.Passed);
        Assert.Contains("temperature", noTemperature.Hint);
    }
}
