namespace CourseKit.Tests;

[Collection(nameof(SeededRandomCollection))]
public sealed class DeterminismTests
{
    [Fact]
    public void SameSeedGivesSameNumbers()
    {
        manual_seed(42);
        var first = randn(1000).ToArray<float>().Concat(rand(100).ToArray<float>()).ToArray();
        manual_seed(42);
        var second = randn(1000).ToArray<float>().Concat(rand(100).ToArray<float>()).ToArray();
        Assert.Equal(first, second);
        manual_seed(43);
        Assert.NotEqual(first, randn(1000).ToArray<float>());
    }

    [Fact]
    public void SeededRandnMatchesPyTorchOnCpu()
    {
        // torch.manual_seed(0); torch.randn(4) in PyTorch 1.13 on CPU.
        manual_seed(0);
        using var x = randn(4);
        var expected = new float[] { 1.5410f, -0.2934f, -2.1788f, 0.5684f };
        var actual = x.ToArray<float>();
        for (var k = 0; k < 4; k++) Assert.Equal(expected[k], actual[k], 3);
    }

    [Fact]
    public void ThreadCountDefaultsToCores()
    {
        Assert.Equal(Environment.ProcessorCount, get_num_threads());
    }
}
