using static CourseKit.torch;

namespace CourseKit.Optim;

/// <summary>
/// The moment estimates Adam and AdamW share (Kingma &amp; Ba 2015, Algorithm 1), with PyTorch
/// 1.13's per-parameter step counts and optional AMSGrad maximum (Reddi et al. 2018):
/// <code>
/// m_t = β1 m_{t-1} + (1 - β1) g_t
/// v_t = β2 v_{t-1} + (1 - β2) g_t²
/// v̂_t = max(v̂_{t-1}, v_t)  (AMSGrad)   or   v̂_t = v_t
/// θ_t = θ_{t-1} - (γ / (1 - β1^t)) m_t / (sqrt(v̂_t) / sqrt(1 - β2^t) + ε)
/// </code>
/// Parameters are grouped by step count (normally one group: those that ever skipped a step
/// because their gradient was null lag behind), so the bias corrections stay per parameter.
/// </summary>
internal sealed class AdamMoments(int count, bool amsgrad)
{
    private readonly Tensor?[] expAvg = new Tensor?[count];
    private readonly Tensor?[] expAvgSq = new Tensor?[count];
    private readonly Tensor?[] maxExpAvgSq = new Tensor?[amsgrad ? count : 0];
    private readonly long[] steps = new long[count];

    /// <summary>Steps taken by each parameter.</summary>
    public IReadOnlyList<long> Steps => steps;

    /// <summary>Advances the moments with <paramref name="grads"/> and updates <paramref name="parameters"/> in place.</summary>
    public void Step(Tensor[] parameters, Tensor[] grads, int[] index, double lr, double beta1, double beta2, double eps)
    {
        for (var j = 0; j < index.Length; j++)
        {
            var k = index[j];
            expAvg[k] ??= zeros_like(parameters[j]).DetachFromDisposeScope();
            expAvgSq[k] ??= zeros_like(parameters[j]).DetachFromDisposeScope();
            if (amsgrad) maxExpAvgSq[k] ??= zeros_like(parameters[j]).DetachFromDisposeScope();
            steps[k]++;
        }
        foreach (var group in Enumerable.Range(0, index.Length).GroupBy(j => steps[index[j]]))
        {
            var js = group.ToArray();
            var ks = js.Select(j => index[j]).ToArray();
            var p = js.Select(j => parameters[j]).ToArray();
            var g = js.Select(j => grads[j]).ToArray();
            var m = ks.Select(k => expAvg[k]!).ToArray();
            var v = ks.Select(k => expAvgSq[k]!).ToArray();

            var t = (double)group.Key;
            var stepSize = lr / (1 - Math.Pow(beta1, t));
            var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, t));

            Foreach.MulInPlace(m, beta1);
            Foreach.AddInPlace(m, g, 1 - beta1);
            Foreach.MulInPlace(v, beta2);
            Foreach.AddcmulInPlace(v, g, g, 1 - beta2);
            var second = v;
            if (amsgrad)
            {
                second = ks.Select(k => maxExpAvgSq[k]!).ToArray();
                Foreach.MaximumInPlace(second, v);
            }
            var denom = Foreach.Sqrt(second);
            Foreach.DivInPlace(denom, biasCorrection2Sqrt);
            Foreach.AddInPlace(denom, eps);
            Foreach.AddcdivInPlace(p, m, denom, -stepSize);
        }
    }

    /// <summary>Releases the moment tensors.</summary>
    public void Free()
    {
        foreach (var state in new[] { expAvg, expAvgSq, maxExpAvgSq })
            for (var k = 0; k < state.Length; k++)
            {
                state[k]?.Dispose();
                state[k] = null;
            }
    }
}
