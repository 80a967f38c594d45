using CourseKit.Data;

namespace CourseKit.Tests.Data;

public sealed class DataLoaderTests
{
    /// <summary>N examples (N, 1, 2, 2) whose four pixels all hold id / 100, labels id = 0..N-1.</summary>
    private static (Tensor x, Tensor y) Numbered(long n)
    {
        var y = arange(n);                                                // (N) int64
        using var ids = y.to(float32).div(100.0);
        var x = ids.reshape(n, 1, 1, 1).expand(n, 1, 2, 2).contiguous();  // (N, 1, 2, 2)
        return (x, y);
    }

    private static List<long[]> EpochLabels(DataLoader loader) =>
        loader.Select(batch => batch.y.ToArray<long>()).ToList();

    [Fact]
    public void BatchShapesAndCount()
    {
        var (x, y) = Numbered(10);
        using (x)
        using (y)
        {
            var loader = new DataLoader(x, y, batch_size: 4, device: CPU);
            Assert.Equal(10, loader.Size);
            Assert.Equal(3, loader.Count);
            var shapes = loader.Select(b => (b.x.shape, b.y.shape)).ToList();
            Assert.Equal(3, shapes.Count);
            Assert.Equal(new long[] { 4, 1, 2, 2 }, shapes[0].Item1);
            Assert.Equal(new long[] { 4 }, shapes[1].Item2);
            Assert.Equal(new long[] { 2, 1, 2, 2 }, shapes[2].Item1);
            Assert.Equal(new long[] { 2 }, shapes[2].Item2);
            Assert.All(loader, b => Assert.Equal(DeviceType.CPU, b.x.device.type));
        }
    }

    [Fact]
    public void WithoutShuffleBatchesFollowDatasetOrderAndPairExamplesWithLabels()
    {
        var (x, y) = Numbered(10);
        using (x)
        using (y)
        {
            var seen = new List<long>();
            foreach (var (bx, by) in new DataLoader(x, y, batch_size: 3))
            {
                var labels = by.ToArray<long>();
                Assert.Equal(labels.SelectMany(l => Enumerable.Repeat(l / 100f, 4)), bx.ToArray<float>());
                seen.AddRange(labels);
            }
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), seen);
        }
    }

    [Fact]
    public void DropLastSkipsTheShortBatch()
    {
        var (x, y) = Numbered(10);
        using (x)
        using (y)
        {
            var loader = new DataLoader(x, y, batch_size: 4, shuffle: true, seed: 1, drop_last: true);
            Assert.Equal(2, loader.Count);
            var epoch = EpochLabels(loader);
            Assert.Equal(2, epoch.Count);
            Assert.All(epoch, b => Assert.Equal(4, b.Length));
            Assert.Equal(8, epoch.SelectMany(b => b).Distinct().Count());

            Assert.Equal(2, new DataLoader(x, y, batch_size: 5, drop_last: true).Count);
            Assert.Single(new DataLoader(x, y, batch_size: 10, drop_last: true));
            Assert.Empty(new DataLoader(x, y, batch_size: 11, drop_last: true));
            Assert.Single(new DataLoader(x, y, batch_size: 11));
        }
    }

    [Fact]
    public void ShuffleVisitsEveryExampleOncePerEpochAndKeepsPairs()
    {
        var (x, y) = Numbered(103);
        using (x)
        using (y)
        {
            var loader = new DataLoader(x, y, batch_size: 16, shuffle: true, seed: 42);
            for (var epoch = 0; epoch < 3; epoch++)
            {
                var seen = new List<long>();
                foreach (var (bx, by) in loader)
                {
                    var labels = by.ToArray<long>();
                    Assert.Equal(labels.SelectMany(l => Enumerable.Repeat(l / 100f, 4)), bx.ToArray<float>());
                    seen.AddRange(labels);
                }
                Assert.Equal(103, seen.Count);
                Assert.Equal(Enumerable.Range(0, 103).Select(i => (long)i), seen.Order());
                Assert.NotEqual(Enumerable.Range(0, 103).Select(i => (long)i), seen);
            }
        }
    }

    [Fact]
    public void SameSeedGivesSameEpochsWhateverTheTorchSeed()
    {
        var (x, y) = Numbered(50);
        using (x)
        using (y)
        {
            var a = new DataLoader(x, y, batch_size: 8, shuffle: true, seed: 7);
            var b = new DataLoader(x, y, batch_size: 8, shuffle: true, seed: 7);
            var c = new DataLoader(x, y, batch_size: 8, shuffle: true, seed: 8);
            manual_seed(1);
            var a1 = EpochLabels(a).SelectMany(l => l).ToArray();
            var a2 = EpochLabels(a).SelectMany(l => l).ToArray();
            manual_seed(2);
            var b1 = EpochLabels(b).SelectMany(l => l).ToArray();
            var b2 = EpochLabels(b).SelectMany(l => l).ToArray();
            var c1 = EpochLabels(c).SelectMany(l => l).ToArray();

            Assert.Equal(a1, b1);
            Assert.Equal(a2, b2);
            Assert.NotEqual(a1, a2);
            Assert.NotEqual(a1, c1);
        }
    }

    [Fact]
    public void BinarizeThresholdsAtOneHalf()
    {
        using var x = tensor(new float[] { 0f, 0.25f, 127 / 255f, 128 / 255f, 0.75f, 1f }, [6, 1, 1, 1]);
        using var y = zeros([6], int64);
        var (b, _) = new DataLoader(x, y, batch_size: 6, transform: PixelTransform.Binarize).First();
        using (b)
        {
            Assert.Equal(ScalarType.Float32, b.dtype);
            Assert.Equal(new float[] { 0, 0, 0, 1, 1, 1 }, b.ToArray<float>());
        }
    }

    [Fact]
    public void StochasticBinarizationIsBernoulliOfThePixelAndSeeded()
    {
        // 1000 images of constant intensity 0.3, plus one all-0 and one all-1 image.
        using var gray = full([1000, 1, 28, 28], 0.3);
        using var black = zeros([1, 1, 28, 28]);
        using var white = ones([1, 1, 28, 28]);
        using var x = cat([gray, black, white]);                             // (1002, 1, 28, 28)
        using var y = arange(1002);

        float[] Draw(int seed)
        {
            var (b, _) = new DataLoader(x, y, batch_size: 1002, seed: seed, transform: PixelTransform.StochasticBinarize).First();
            using (b) return b.ToArray<float>();
        }

        var draw = Draw(3);
        Assert.All(draw, v => Assert.True(v is 0f or 1f));
        const int pixels = 784;
        var grayMean = draw.Take(1000 * pixels).Average();
        // Mean of 784,000 Bernoulli(0.3) draws: standard deviation 0.00052, tolerance about 6 of them.
        Assert.Equal(0.3, grayMean, 0.003);
        Assert.All(draw.Skip(1000 * pixels).Take(pixels), v => Assert.Equal(0f, v));
        Assert.All(draw.Skip(1001 * pixels), v => Assert.Equal(1f, v));

        Assert.Equal(draw, Draw(3));
        Assert.NotEqual(draw, Draw(4));

        // Dynamic binarization: the next epoch draws afresh.
        var loader = new DataLoader(x, y, batch_size: 1002, seed: 3, transform: PixelTransform.StochasticBinarize);
        var first = loader.Select(b => b.x.ToArray<float>()).Single();
        var second = loader.Select(b => b.x.ToArray<float>()).Single();
        Assert.Equal(draw, first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void RescaleMapsZeroOneToMinusOneOne()
    {
        using var x = tensor(new float[] { 0f, 0.25f, 0.5f, 1f }, [4, 1, 1, 1]);
        using var y = zeros([4], int64);
        var (b, _) = new DataLoader(x, y, batch_size: 4, transform: PixelTransform.Rescale).First();
        using (b) Assert.Equal(new float[] { -1f, -0.5f, 0f, 1f }, b.ToArray<float>());
    }

    [Fact]
    public void MnistBatchesWithTransformsAndFlatten()
    {
        using var ds = datasets.MNIST(train: false);
        var loader = new DataLoader(ds, batch_size: 128, shuffle: true, seed: 0, transform: PixelTransform.Rescale, flatten: true);
        Assert.Equal(16, loader.Count);
        var sizes = new List<long>();
        float min = float.MaxValue, max = float.MinValue;
        foreach (var (x, y) in loader)
        {
            Assert.Equal(2, x.dim());
            Assert.Equal(784, x.size(1));
            Assert.Equal(ScalarType.Int64, y.dtype);
            sizes.Add(x.size(0));
            var values = x.ToArray<float>();
            min = Math.Min(min, values.Min());
            max = Math.Max(max, values.Max());
        }
        Assert.Equal(Enumerable.Repeat(128L, 15).Append(2000 - 15 * 128), sizes);
        Assert.Equal(-1f, min);
        Assert.Equal(1f, max);

        var (bx, by) = new DataLoader(ds, batch_size: 64, transform: PixelTransform.Binarize).First();
        using (bx)
        using (by)
        {
            Assert.Equal(new long[] { 64, 1, 28, 28 }, bx.shape);
            using var first = ds.Images[..64];
            using var expected = first > 0.5;
            using var asFloat = expected.to(float32);
            Assert.Equal(asFloat.ToArray<float>(), bx.ToArray<float>());
            Assert.All(bx.ToArray<float>(), v => Assert.True(v is 0f or 1f));
        }
    }

    [Fact]
    public void BatchesAreCopiesNotViews()
    {
        var (x, y) = Numbered(4);
        using (x)
        using (y)
        {
            var (bx, by) = new DataLoader(x, y, batch_size: 4).First();
            bx.fill_(9);
            by.fill_(9);
            bx.Dispose();
            by.Dispose();
            Assert.Equal(new long[] { 0, 1, 2, 3 }, y.ToArray<long>());
            Assert.Equal(0.03f, x.ToArray<float>()[^1]);
        }
    }

    [Fact]
    public void EachBatchIsDisposedWhenTheNextArrivesAndNothingLeaks()
    {
        var (x, y) = Numbered(10);
        using (x)
        using (y)
        {
            using var scope = NewDisposeScope();
            var batches = new List<(Tensor x, Tensor y)>();
            foreach (var batch in new DataLoader(x, y, batch_size: 4, shuffle: true, seed: 1))
            {
                Assert.All(batches, b => Assert.True(b.x.IsInvalid && b.y.IsInvalid));
                Assert.False(batch.x.IsInvalid);
                batches.Add(batch);
            }
            Assert.All(batches, b => Assert.True(b.x.IsInvalid && b.y.IsInvalid));
            Assert.Equal(0, scope.Count);

            var kept = new DataLoader(x, y, batch_size: 4, dispose_batch: false).ToList();
            Assert.All(kept, b => Assert.False(b.x.IsInvalid || b.y.IsInvalid));
            Assert.Equal(6, scope.Count);
        }
    }

    [Fact]
    public void LeavingTheLoopEarlyKeepsTheLastBatch()
    {
        var (x, y) = Numbered(10);
        using (x)
        using (y)
        {
            Tensor? kept = null;
            foreach (var (bx, _) in new DataLoader(x, y, batch_size: 4))
            {
                kept = bx;
                break;
            }
            Assert.NotNull(kept);
            Assert.False(kept.IsInvalid);
            Assert.Equal(new long[] { 4, 1, 2, 2 }, kept.shape);
            kept.Dispose();
        }
    }

    [Fact]
    public void EmptyDatasetHasNoBatches()
    {
        using var x = zeros([0, 1, 28, 28]);
        using var y = zeros([0], int64);
        var loader = new DataLoader(x, y, batch_size: 8, shuffle: true, seed: 0);
        Assert.Equal(0, loader.Count);
        Assert.Empty(loader);
    }

    [Fact]
    public void WrongArgumentsAreReported()
    {
        using var x = zeros([10, 1, 28, 28]);
        using var y = zeros([9], int64);
        using var y10 = zeros([10], int64);
        using var bytes = zeros([10, 1, 28, 28], uint8);
        using var flat = zeros([10]);

        var size = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(x, y10, batch_size: 0));
        Assert.Contains("DataLoader: batch_size must be at least 1, got 0", size.Message);
        var count = Assert.Throws<ArgumentException>(() => new DataLoader(x, y, batch_size: 4));
        Assert.Contains("x [10, 1, 28, 28] and y [9]", count.Message);
        var dtype = Assert.Throws<ArgumentException>(() => new DataLoader(bytes, y10, batch_size: 4, transform: PixelTransform.Binarize));
        Assert.Contains("Binarize", dtype.Message);
        Assert.Contains("uint8", dtype.Message);
        var rank = Assert.Throws<ArgumentException>(() => new DataLoader(flat, y10, batch_size: 4, flatten: true));
        Assert.Contains("flatten", rank.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(x, y10, batch_size: 4, transform: (PixelTransform)9));
    }
}
