using CourseKit.Losses;
using CourseKit.Models;
using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// The checks of the autoregressive notebook's exercises: the type-A/B mask, the pixel-by-pixel
/// sampling loop and the bits/dim conversion. Each runs the student's function on fixed inputs,
/// compares with the library (<see cref="CausalMask"/>, <see cref="AutoregressiveSampler"/>,
/// <see cref="BitsPerDim"/>) and returns a <see cref="CheckResult"/> with a hint for the most
/// likely mistake; a function that still throws <see cref="NotImplementedException"/> gives
/// "not implemented yet", and nothing the student's code throws escapes a check.
/// </summary>
public static class AutoregressiveExercises
{
    /// <summary>
    /// Checks <paramref name="mask"/>(k, type) → (k, k) of zeros and ones against
    /// <see cref="CausalMask.Raster"/> for k = 1, 3, 5, 7 and both types. Hints recognise the types
    /// swapped, rows below the centre kept, the centre row kept to the right, and a transposed mask.
    /// </summary>
    public static CheckResult CheckMask(Func<long, MaskType, Tensor> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        const string name = "masked convolution kernel";
        using var scope = NewDisposeScope();
        foreach (var k in new long[] { 1, 3, 5, 7 })
            foreach (var type in new[] { MaskType.A, MaskType.B })
            {
                var output = StudentCode.Call(name, () => mask(k, type), $"k = {k}, type = {type}", out var failure);
                if (output is null) return failure!;
                var got = output.detach().to(float64, CPU);
                var expected = CausalMask.Raster(k, type).to(float64);
                if (!got.shape.SequenceEqual(expected.shape))
                    return CheckResult.Fail(name, $"wrong shape for k = {k}: expected {TensorText.Shape(expected)}, you returned {TensorText.Shape(got)}",
                        "the mask has one entry per kernel weight position: shape (k, k).");
                if (got.allclose(expected)) continue;
                var hint = MaskHint(got, k, type);
                return CheckResult.Fail(name, $"wrong mask for k = {k}, type {type}", hint,
                    $"expected {TensorText.List(expected)}\nyou gave {TensorText.List(got)}");
            }
        return CheckResult.Pass(name, "your masks match type A and type B for kernel sizes 1, 3, 5 and 7.");
    }

    private static string? MaskHint(Tensor got, long k, MaskType type)
    {
        var other = CausalMask.Raster(k, type == MaskType.A ? MaskType.B : MaskType.A).to(float64);
        if (got.allclose(other))
            return "types A and B are swapped: type A hides the centre (the pixel being predicted), type B keeps it.";
        var c = k / 2;
        if (c + 1 < k && got[c + 1].sum().item<double>() > 0)
            return "rows below the centre are later pixels in raster order: they must all be 0.";
        if (got[c, k - 1].item<double>() > 0 && k > 1)
            return "in the centre row, only the pixels to the left of the centre come earlier: the ones to its right must be 0.";
        if (got.t().allclose(CausalMask.Raster(k, type).to(float64)))
            return "your mask is transposed: index it as mask[row, column], rows top to bottom.";
        return null;
    }

    /// <summary>
    /// Checks <paramref name="sample"/>(model, n, H, W, T) → (n, 1, H, W) of 0/1 pixels: on a model
    /// whose every pixel copies the one before it (the first is 1 with probability σ(20) ≈ 1), the
    /// images must come out all ones, which only a loop that feeds each new pixel back in achieves;
    /// on a constant model σ(c / T), the fraction of ones must match within 5 standard errors at
    /// T = 1 and T = 0.5. Seeds libtorch's generator with a fixed seed.
    /// </summary>
    public static CheckResult CheckSampler(Func<AutoregressiveModel, long, long, long, double, Tensor> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        const string name = "autoregressive sampling";
        using var scope = NewDisposeScope();
        manual_seed(2016);
        using var copy = new PreviousPixelModel();
        var output = StudentCode.Call(name, () => sample(copy, 4, 5, 5, 1.0), "a model that copies the previous pixel, n = 4, 5 x 5, T = 1", out var failure);
        if (output is null) return failure!;
        if (!output.shape.SequenceEqual(new long[] { 4, 1, 5, 5 }))
            return CheckResult.Fail(name, $"wrong shape: expected [4, 1, 5, 5], you returned {TensorText.Shape(output)}");
        var ones = output.detach().to(float64, CPU).sum().item<double>();
        if (ones != 100)
            return CheckResult.Fail(name, $"with a model that copies the previous pixel, every image should be all ones; yours have {ones} ones out of 100",
                ones <= 8
                    ? "only the first pixel came out 1: each pixel must be drawn from a forward pass on the image with all earlier pixels already filled in (write each new pixel into x before the next pass)."
                    : "write every sampled pixel into x, and draw pixel (i, j) from the logit at (i, j) of a forward pass on the current x.");
        foreach (var temperature in new[] { 1.0, 0.5 })
        {
            using var constant = new ConstantModel(0.8);
            var drawn = StudentCode.Call(name, () => sample(constant, 64, 6, 6, temperature), $"a constant model with logit 0.8, n = 64, 6 x 6, T = {temperature}", out failure);
            if (drawn is null) return failure!;
            var values = drawn.detach().to(float64, CPU).flatten().ToArray<double>();
            if (values.Any(v => v != 0 && v != 1))
                return CheckResult.Fail(name, "the samples must be 0 or 1", "draw each pixel with bernoulli(p); do not store the probability p itself.");
            var p = 1 / (1 + Math.Exp(-0.8 / temperature));
            var fraction = values.Average();
            if (Math.Abs(fraction - p) > 5 * Math.Sqrt(p * (1 - p) / values.Length))
                return CheckResult.Fail(name, $"at temperature {temperature} the fraction of ones is {fraction:F3}, expected about σ(0.8 / T) = {p:F3}",
                    Math.Abs(fraction - 1 / (1 + Math.Exp(-0.8))) < 0.03 ? "the temperature divides the logit before the sigmoid: p = σ(ℓ / T)." : null);
        }
        return CheckResult.Pass(name, "your loop fills the image pixel by pixel and samples at the right temperature.");
    }

    /// <summary>
    /// Checks <paramref name="bitsPerDim"/>(nats (B), D) → (B) against <see cref="BitsPerDim.FromNats(Tensor, long)"/>.
    /// Hints recognise a missing ln 2 (nats per dimension), ln 2 multiplied instead of divided, a
    /// missing division by D, and log base 10.
    /// </summary>
    public static CheckResult CheckBitsPerDim(Func<Tensor, long, Tensor> bitsPerDim)
    {
        ArgumentNullException.ThrowIfNull(bitsPerDim);
        using var scope = NewDisposeScope();
        static long D(IReadOnlyList<Tensor> a) => (long)a[1].item<double>();
        var check = new FunctionCheck("bits per dimension", ["nats", "D"], a => BitsPerDim.FromNats(a[0], D(a)))
        {
            Cases =
            [
                new("one image of 784 pixels with -log p(x) = 784 ln 2 nats, exactly 1 bit per pixel", [tensor(new[] { 784 * Math.Log(2) }, float64), tensor(784.0, float64)]),
                new("three MNIST images (D = 784)", [tensor(new[] { 80.0, 95.5, 120.25 }, float64), tensor(784.0, float64)]),
                new("two 7 x 7 images (D = 49)", [tensor(new[] { 10.0, 20.0 }, float64), tensor(49.0, float64)]),
            ],
            OutputDescription = "one value per image",
            ValueHints =
            [
                Hint.WhenOutputMatches("you returned nats per dimension: divide by ln 2 as well to turn nats into bits.", a => a[0].div(D(a))),
                Hint.WhenOutputMatches("ln 2 goes in the denominator: bits = nats / ln 2.", a => a[0].mul(Math.Log(2)).div(D(a))),
                Hint.WhenOutputMatches("you returned bits per image: divide by the number of dimensions D as well.", a => a[0].div(Math.Log(2))),
                Hint.WhenOutputMatches("bits are logarithms to base 2: divide by ln 2, not ln 10.", a => a[0].div(Math.Log(10) * D(a))),
            ],
        };
        return check.Run(a => bitsPerDim(a[0], D(a)));
    }

    /// <summary>Logit +20 where the previous pixel in raster order is 1 (and for the first pixel), -20 where it is 0.</summary>
    private sealed class PreviousPixelModel : AutoregressiveModel
    {
        private readonly nn.Parameter unused = new(zeros(1));

        public PreviousPixelModel() => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            CheckInput(x);
            using var scope = NewDisposeScope();
            var flat = x.flatten(1);                                          // (B, D)
            var previous = cat([ones(x.shape[0], 1).to(x.dtype), flat.narrow(1, 0, flat.shape[1] - 1)], 1);   // (B, D)
            return scope.MoveToOuter(previous.mul(40).sub(20).reshape(x.shape));   // (B, 1, H, W)
        }
    }

    /// <summary>The same logit c at every pixel, whatever the image.</summary>
    private sealed class ConstantModel : AutoregressiveModel
    {
        private readonly nn.Parameter c;

        public ConstantModel(double value)
        {
            c = new nn.Parameter(tensor(new[] { (float)value }));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            CheckInput(x);
            using var z = zeros_like(x);
            return z.add(c);                                                  // (B, 1, H, W)
        }
    }
}
