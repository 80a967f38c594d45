namespace CourseKit.Tests.NN;

public sealed class PoolingTests
{
    [Fact]
    public void MaxAndAveragePoolTakeWindowMaximaAndMeans()
    {
        using var x = arange(16, ScalarType.Float32).reshape(1, 1, 4, 4);   // rows 0..3, 4..7, 8..11, 12..15
        using var max = nn.MaxPool2d(2).call(x);
        using var avg = nn.AvgPool2d(2).call(x);
        Assert.Equal(new long[] { 1, 1, 2, 2 }, max.shape);
        Assert.Equal(new float[] { 5, 7, 13, 15 }, max.ToArray<float>());
        Assert.Equal(new float[] { 2.5f, 4.5f, 10.5f, 12.5f }, avg.ToArray<float>());
        Assert.Equal("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)", nn.MaxPool2d(2).ToString());
    }
}
