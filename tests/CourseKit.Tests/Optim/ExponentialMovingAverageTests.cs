namespace CourseKit.Tests.Optim;

public sealed class ExponentialMovingAverageTests
{
    /// <summary>
    /// With a constant weight w after starting from w0, n updates of decay d give the closed form
    /// w̄_n = d^n w0 + (1 - d^n) w.
    /// </summary>
    [Fact]
    public void ConstantTargetFollowsClosedForm()
    {
        using var w = new nn.Parameter(full([2, 3], 1.0));
        using var ema = new optim.ExponentialMovingAverage([w], decay: 0.9);
        using (no_grad()) w.fill_(3.0);
        for (var n = 1; n <= 20; n++)
        {
            ema.update();
            var expected = (float)(Math.Pow(0.9, n) * 1.0 + (1 - Math.Pow(0.9, n)) * 3.0);
            foreach (var v in ema.shadow_params[0].ToArray<float>())
                Assert.Equal(expected, v, 1e-5f);
        }
        Assert.Equal(20, ema.num_updates);
        Assert.False(ema.shadow_params[0].requires_grad);
    }

    /// <summary>A changing weight w_n = n: w̄_n = sum_k d_k-weighted history, computed directly in double.</summary>
    [Fact]
    public void WarmupUsesSmallerDecayEarly()
    {
        using var w = new nn.Parameter(zeros([4], dtype: ScalarType.Float64));
        using var ema = new optim.ExponentialMovingAverage([w], decay: 0.99, use_warmup: true);
        double reference = 0;
        for (var n = 1; n <= 30; n++)
        {
            using (no_grad()) w.fill_(n);
            ema.update();
            var d = Math.Min(0.99, (1.0 + n) / (10.0 + n));
            Assert.Equal(d, ema.CurrentDecay(n));
            reference = d * reference + (1 - d) * n;
            foreach (var v in ema.shadow_params[0].ToArray<double>()) Assert.Equal(reference, v, 1e-12);
        }
    }

    [Fact]
    public void CopyToLoadsAveragedWeights()
    {
        using var w = new nn.Parameter(ones(3));
        using var b = new nn.Parameter(zeros(2));
        using var ema = new optim.ExponentialMovingAverage([w, b], decay: 0.5);
        using (no_grad())
        {
            w.fill_(5.0);
            b.fill_(-2.0);
        }
        ema.update();
        using var w2 = new nn.Parameter(zeros(3));
        using var b2 = new nn.Parameter(zeros(2));
        ema.copy_to([w2, b2]);
        Assert.Equal(new float[] { 3, 3, 3 }, w2.ToArray<float>());
        Assert.Equal(new float[] { -1, -1 }, b2.ToArray<float>());
        Assert.True(w2.is_leaf);
        ema.copy_to();
        Assert.Equal(new float[] { 3, 3, 3 }, w.ToArray<float>());
    }

    [Fact]
    public void WrongInputIsRejected()
    {
        using var w = new nn.Parameter(ones(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new optim.ExponentialMovingAverage([w], decay: 1.5));
        using var i = arange(3);
        Assert.Contains("floating-point", Assert.Throws<ArgumentException>(() => new optim.ExponentialMovingAverage([i])).Message);
        var ema = new optim.ExponentialMovingAverage([w]);
        using var wrong = zeros(4);
        Assert.Contains("[4]", Assert.Throws<ArgumentException>(() => ema.copy_to([wrong])).Message);
        Assert.Contains("averages 1 tensors", Assert.Throws<ArgumentException>(() => ema.copy_to([w, wrong])).Message);
        ema.Dispose();
        Assert.Throws<ObjectDisposedException>(() => ema.update());
    }
}
