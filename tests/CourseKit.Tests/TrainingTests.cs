using System.Diagnostics;

namespace CourseKit.Tests;

/// <summary>Whole training loops: native memory stays bounded and a seed fixes every loss bit.</summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class TrainingTests
{
    /// <summary>A small conv net with BatchNorm: (B, 1, 16, 16) -> (B, 10).</summary>
    private static nn.Module<Tensor, Tensor> SmallConvNet() => nn.Sequential(
        nn.Conv2d(1, 8, 3, padding: 1), nn.BatchNorm2d(8), nn.ReLU(),   // (B, 8, 16, 16)
        nn.Conv2d(8, 16, 3, stride: 2, padding: 1), nn.ReLU(),         // (B, 16, 8, 8)
        nn.Flatten(), nn.Linear(16 * 8 * 8, 10));

    private static float[] Train(int steps, long seed, Action<int>? afterStep = null)
    {
        manual_seed(seed);
        using var model = SmallConvNet();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var x = randn(16, 1, 16, 16);
        using var y = randint(0, 10, [16]);
        var losses = new float[steps];
        for (var step = 0; step < steps; step++)
        {
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                using var noise = randn(16, 1, 16, 16) * 0.1;
                var loss = nn.functional.cross_entropy(model.call(x + noise), y);
                loss.backward();
                optimizer.step();
                losses[step] = loss.item<float>();
            }
            afterStep?.Invoke(step);
        }
        return losses;
    }

    [Fact]
    public void SameSeedGivesBitIdenticalLosses()
    {
        var first = Train(30, seed: 7);
        var second = Train(30, seed: 7);
        Assert.Equal(first.Select(BitConverter.SingleToInt32Bits), second.Select(BitConverter.SingleToInt32Bits));
        Assert.True(first[^1] < first[0], $"the loss should fall: {first[0]} -> {first[^1]}");
    }

    /// <summary>
    /// 2,000 steps of a conv net: after 200 warm-up steps, resident memory may not grow by more
    /// than 64 MiB (one leaked batch-activation set per step would add about 100 MiB here).
    /// </summary>
    [Fact]
    public void ResidentMemoryStaysBoundedOver2000Steps()
    {
        const int steps = 2000, warmup = 200;
        const long boundBytes = 64L << 20;
        long afterWarmup = 0, peak = 0;
        Train(steps, seed: 1, step =>
        {
            if (step % 100 != 99) return;
            var rss = ResidentBytes();
            if (step + 1 == warmup) afterWarmup = rss;
            if (step + 1 > warmup) peak = Math.Max(peak, rss);
        });
        var growth = peak - afterWarmup;
        Assert.True(growth < boundBytes,
            $"resident memory grew by {growth >> 20} MiB after warm-up ({afterWarmup >> 20} MiB -> peak {peak >> 20} MiB), bound {boundBytes >> 20} MiB");
    }

    private static long ResidentBytes()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }
}
