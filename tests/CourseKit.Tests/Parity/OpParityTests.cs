using Xunit.Abstractions;

namespace CourseKit.Tests.Parity;

/// <summary>
/// Each case of goldens.json (written by make_goldens.py with PyTorch 1.13) run through CourseKit:
/// same inputs, outputs within the case's tolerance, and the gradient of
/// L = sum_k sum(output_k * weight_k) with respect to every input that PyTorch differentiated.
/// </summary>
public sealed class OpParityTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in Goldens.Cases.Keys) names.Add(name);
        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MatchesPyTorch(string name)
    {
        var golden = Goldens.Cases[name];
        Assert.True(ParityOps.All.TryGetValue(name, out var op), $"no CourseKit call is mapped to the golden case '{name}'");
        using var scope = NewDisposeScope();

        var inputs = golden.Inputs.Select((g, i) => g.ToTensor(requiresGrad: golden.Grads?[i] is not null)).ToArray();
        var outputs = op.Run(inputs, golden.Args);
        Assert.True(golden.Outputs.Length == outputs.Length, $"{name}: {outputs.Length} outputs, PyTorch gave {golden.Outputs.Length}");
        var worst = Deviation.Zero;
        for (var k = 0; k < outputs.Length; k++)
            worst = worst.Max(Compare.Tensor(golden.Outputs[k], outputs[k],
                op.Looser ?? Tolerance.For(golden.Outputs[k].Dtype), $"{name} output {k}"));

        if (golden.Grads is { } grads)
        {
            // L = sum_k sum(output_k * weight_k), the loss PyTorch differentiated.
            var loss = golden.Weights!
                .Select((w, k) => w is null ? null : (outputs[k] * w.ToTensor()).sum())
                .OfType<Tensor>()
                .Aggregate((p, q) => p + q);
            loss.backward();
            for (var i = 0; i < inputs.Length; i++)
            {
                if (grads[i] is not { } expected) continue;
                var grad = inputs[i].grad;
                Assert.True(grad is not null, $"{name}: input {i} received no gradient");
                worst = worst.Max(Compare.Tensor(expected, grad, op.Looser ?? Tolerance.For(expected.Dtype), $"{name} grad of input {i}"));
            }
        }
        output.WriteLine($"{name}: {worst}");
    }

    [Fact]
    public void EveryMappedCallHasAGolden()
    {
        var orphans = ParityOps.All.Keys.Except(Goldens.Cases.Keys).ToArray();
        Assert.True(orphans.Length == 0, $"mapped but missing from goldens.json: {string.Join(", ", orphans)}");
    }

    [Fact]
    public void MismatchNamesTheCaseTheElementAndTheTolerance()
    {
        var golden = Goldens.Cases["exp"];
        using var scope = NewDisposeScope();
        var wrong = golden.Inputs[0].ToTensor(); // exp(x) expected, x given
        var e = Assert.ThrowsAny<Exception>(() => Compare.Tensor(golden.Outputs[0], wrong, Tolerance.Float32, "exp output 0"));
        Assert.Contains("exp output 0[0]", e.Message);
        Assert.Contains("rtol", e.Message);

        var reshaped = wrong.reshape(-1);
        var shape = Assert.ThrowsAny<Exception>(() => Compare.Tensor(golden.Outputs[0], reshaped, Tolerance.Float32, "exp output 0"));
        Assert.Contains("shape [10], expected [2, 5]", shape.Message);
    }

    /// <summary>
    /// The goldens were written with the libtorch release CourseKit builds against by default (Debian's
    /// 1.13). A bridge built against another release (LIBTORCH, e.g. a CUDA machine's PyTorch) is
    /// compared with the same goldens: the cases above then measure how far that release drifted.
    /// </summary>
    [Fact]
    public void GoldensComeFromTheDefaultTorchRelease()
    {
        var version = Goldens.Root.GetProperty("torch_version").GetString()!;
        Assert.StartsWith("1.13", version);
        output.WriteLine($"goldens from PyTorch {version}, this bridge runs libtorch {libtorch_version}");
    }
}
