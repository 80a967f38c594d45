namespace CourseKit.Tests.Memory;

/// <summary>
/// Training loops written as a PyTorch user writes them, with no dispose scope and no <c>using</c>:
/// every step's batch, activations, loss and gradients are left to the garbage collector. Native
/// memory accounting must keep resident memory close to that of the same loop with a scope per step.
/// Each test runs the scoped loop, then the unscoped one for 3,000 steps, and bounds the unscoped
/// peak by twice the scoped peak. Without accounting, both loops leave over 1 MiB of native
/// tensors per step to the collector, which the few collections their small managed allocations
/// cause do not keep up with (measured: several GiB resident by the end; see the engine notes).
/// libtorch runs on one thread here, so the figures do not depend on the machine's load.
/// </summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class UnscopedTrainingTests
{
    private const int Steps = 3000;
    private const int ScopedSteps = 300;

    /// <summary>A conv net as a student writes one: each layer's output is a new tensor nobody disposes.</summary>
    private sealed class StudentConvNet : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> conv1 = nn.Conv2d(1, 16, 3, padding: 1);
        private readonly nn.Module<Tensor, Tensor> conv2 = nn.Conv2d(16, 16, 3, stride: 2, padding: 1);
        private readonly nn.Module<Tensor, Tensor> head = nn.Linear(16 * 8 * 8, 10);

        public StudentConvNet() => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            var h = nn.functional.relu(conv1.call(x));                  // (B, 16, 16, 16)
            h = nn.functional.relu(conv2.call(h));                      // (B, 16, 8, 8)
            return head.call(h.flatten(1));                             // (B, 10)
        }
    }

    /// <summary>The 784-256-10 MLP of the course's first notebook, written out layer by layer.</summary>
    private sealed class StudentMlp : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> fc1 = nn.Linear(784, 256);
        private readonly nn.Module<Tensor, Tensor> fc2 = nn.Linear(256, 10);

        public StudentMlp() => RegisterComponents();

        public override Tensor forward(Tensor x) => fc2.call(nn.functional.relu(fc1.call(x)));   // (B, 784) -> (B, 10)
    }

    [Fact]
    public void ConvNetWithoutScopesStaysWithinTwiceTheScopedPeak() =>
        AssertBounded(new StudentConvNet(), [32, 1, 16, 16], "conv net, batch 32");

    [Fact]
    public void MlpAtBatch256WithoutScopesStaysWithinTwiceTheScopedPeak() =>
        AssertBounded(new StudentMlp(), [256, 784], "784-256-10 MLP, batch 256");

    private static void AssertBounded(nn.Module<Tensor, Tensor> model, long[] batchShape, string what)
    {
        var threads = get_num_threads();
        set_num_threads(1);
        try
        {
            manual_seed(0);
            using var owned = model;
            var optimizer = optim.SGD(model.parameters(), lr: 1e-2);
            using var y = randint(0, 10, [batchShape[0]]);

            ResidentMemory.Settle();
            var scoped = ResidentMemory.PeakDuring(ScopedSteps, _ =>
            {
                using var scope = NewDisposeScope();
                Step(model, optimizer, batchShape, y);
            });
            var unscoped = ResidentMemory.PeakDuring(Steps, _ => Step(model, optimizer, batchShape, y));

            Assert.True(unscoped <= 2 * scoped,
                $"{what}: {Steps} steps without a dispose scope peaked at {ResidentMemory.MiB(unscoped)} resident, " +
                $"more than twice the scoped loop's {ResidentMemory.MiB(scoped)}");
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    /// <summary>One step that leaves every tensor it makes (batch, activations, loss) to the collector.</summary>
    private static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, long[] batchShape, Tensor y)
    {
        var x = randn(batchShape);                                     // a fresh batch, as from a data loader
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(x), y);
        loss.backward();
        optimizer.step();
    }
}
