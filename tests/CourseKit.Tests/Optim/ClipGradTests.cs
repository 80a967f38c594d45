using static CourseKit.Tests.Optim.OptimReferences;

namespace CourseKit.Tests.Optim;

public sealed class ClipGradTests
{
    public static TheoryData<string> Cases => Names("clip");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        var c = Case("clip", name);
        var shapes = c.GetProperty("shapes").EnumerateArray().Select(Shape).ToArray();
        var grads = c.GetProperty("grads").EnumerateArray().ToArray();
        var clipped = c.GetProperty("clipped").EnumerateArray().ToArray();
        var normType = c.GetProperty("norm_type") is { ValueKind: System.Text.Json.JsonValueKind.String } ? double.PositiveInfinity : c.GetProperty("norm_type").GetDouble();
        using var scope = NewDisposeScope();
        var parameters = shapes.Select(s => zeros(s, requires_grad: true)).ToArray();
        for (var k = 0; k < parameters.Length; k++)
            if (grads[k].ValueKind != System.Text.Json.JsonValueKind.Null) parameters[k].grad = tensor(Floats(grads[k]), shapes[k]);

        var total = nn.utils.clip_grad_norm_(parameters, c.GetProperty("max_norm").GetDouble(), normType);

        var expectedTotal = c.GetProperty("total").GetDouble();
        Assert.True(Math.Abs(total - expectedTotal) <= 1e-5 * expectedTotal, $"{name}: total norm {total:R}, PyTorch {expectedTotal:R}");
        for (var k = 0; k < parameters.Length; k++)
        {
            if (clipped[k].ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                Assert.Null(parameters[k].grad);
                continue;
            }
            Close(Floats(clipped[k]), parameters[k].grad!.ToArray<float>(), 1e-5, 1e-7, $"{name} grad {k}");
        }
    }

    [Fact]
    public void NoGradientsGiveZero()
    {
        using var p = zeros([3], requires_grad: true);
        Assert.Equal(0, nn.utils.clip_grad_norm_([p], 1.0));
    }

    [Fact]
    public void WrongNormTypeIsRejected()
    {
        using var p = zeros([3], requires_grad: true);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => nn.utils.clip_grad_norm_([p], 1.0, norm_type: 0));
        Assert.Contains("clip_grad_norm_", e.Message);
    }
}
