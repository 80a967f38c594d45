using CourseKit.Exercises;

namespace CourseKit.Tests.Exercises;

/// <summary>The diffusion notebook's checks: the notebook's solutions pass, typical mistakes get their hints.</summary>
public sealed class DiffusionExercisesTests
{
    // The notebook's solutions, written as a student would (float32 inputs, t int64).
    private static Tensor QSample(Tensor x0, Tensor t, Tensor noise, Tensor beta, bool sqrt = true, bool product = true)
    {
        var alphaBar = product ? (1 - beta).cumprod(0) : 1 - beta;                   // (T)
        var a = alphaBar.index_select(0, t).reshape(-1, 1, 1, 1);                    // (B, 1, 1, 1)
        return sqrt ? a.sqrt() * x0 + (1 - a).sqrt() * noise : a * x0 + (1 - a) * noise;
    }

    private static Tensor PosteriorMean(Tensor x0, Tensor x_t, Tensor t, Tensor beta, bool wrapAround = false)
    {
        var alpha = 1 - beta;                                                        // (T)
        var alphaBar = alpha.cumprod(0);
        var alphaBarPrev = cat([wrapAround ? alphaBar[^1..] : ones([1], dtype: beta.dtype), alphaBar[..^1]]);
        Tensor Per(Tensor v) => v.index_select(0, t).reshape(-1, 1, 1, 1);          // (B, 1, 1, 1)
        return Per(alphaBarPrev.sqrt() * beta / (1 - alphaBar)) * x0 + Per(alpha.sqrt() * (1 - alphaBarPrev) / (1 - alphaBar)) * x_t;
    }

    private static Tensor ReverseStep(Tensor x_t, int t, Tensor epsilon, Tensor z, Tensor beta, bool noiseAtZero = false, bool sigmaIsBeta = false)
    {
        var alphaBar = (1 - beta).cumprod(0);
        var (b, ab) = (beta[t].item<double>(), alphaBar[t].item<double>());
        var mean = (x_t - b / Math.Sqrt(1 - ab) * epsilon) / Math.Sqrt(1 - b);
        return t == 0 && !noiseAtZero ? mean : mean + (sigmaIsBeta ? b : Math.Sqrt(b)) * z;
    }

    [Fact]
    public void TheNotebooksSolutionsPass()
    {
        var q = DiffusionExercises.CheckQSample((x0, t, n, b) => QSample(x0, t, n, b));
        Assert.True(q.Passed, q.ToString());
        var p = DiffusionExercises.CheckPosteriorMean((x0, xt, t, b) => PosteriorMean(x0, xt, t, b));
        Assert.True(p.Passed, p.ToString());
        var r = DiffusionExercises.CheckReverseStep((x, t, e, z, b) => ReverseStep(x, t, e, z, b));
        Assert.True(r.Passed, r.ToString());
    }

    [Fact]
    public void MistakesGetTheirHints()
    {
        Assert.Contains("square roots", DiffusionExercises.CheckQSample((x0, t, n, b) => QSample(x0, t, n, b, sqrt: false)).Hint);
        Assert.Contains("cumprod", DiffusionExercises.CheckQSample((x0, t, n, b) => QSample(x0, t, n, b, product: false)).Hint);
        Assert.Contains("swapped", DiffusionExercises.CheckQSample((x0, t, n, b) => QSample(n, t, x0, b)).Hint);
        Assert.Contains("(B, 1, 1, 1)", DiffusionExercises.CheckQSample((x0, t, n, b) =>
            (1 - b).cumprod(0).index_select(0, t).sqrt().unsqueeze(1) * x0.flatten(1)).Hint);      // (B, C·H·W)
        Assert.Contains("wraps round", DiffusionExercises.CheckPosteriorMean((x0, xt, t, b) => PosteriorMean(x0, xt, t, b, wrapAround: true)).Hint);
        Assert.Contains("swapped", DiffusionExercises.CheckPosteriorMean((x0, xt, t, b) => PosteriorMean(xt, x0, t, b)).Hint);
        Assert.Contains("adds no noise", DiffusionExercises.CheckReverseStep((x, t, e, z, b) => ReverseStep(x, t, e, z, b, noiseAtZero: true)).Hint);
        Assert.Contains("not by β_t", DiffusionExercises.CheckReverseStep((x, t, e, z, b) => ReverseStep(x, t, e, z, b, sigmaIsBeta: true)).Hint);
        Assert.Equal("not implemented yet: replace the `throw` with your code",
            DiffusionExercises.CheckReverseStep((_, _, _, _, _) => throw new NotImplementedException()).Message);
    }

    [Fact]
    public void StepsReachTheStudentAsInt64()
    {
        var seen = ScalarType.Float32;
        DiffusionExercises.CheckQSample((x0, t, n, b) => { seen = t.dtype; return QSample(x0, t, n, b); });
        Assert.Equal(ScalarType.Int64, seen);
    }
}
