using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// A class-conditional <see cref="GatedPixelCnn"/> with its labels fixed: x ↦ ℓ(x, y) for the labels
/// given at construction, so that p(x | y) is an ordinary <see cref="AutoregressiveModel"/>.
/// <see cref="AutoregressiveSampler.Sample"/> then draws one image per label, and
/// <see cref="ReceptiveField"/> checks that conditioning kept the model causal. Made by
/// <see cref="GatedPixelCnn.Given"/>; it shares the model's weights and owns none.
/// </summary>
public sealed class ConditionedPixelCnn : AutoregressiveModel
{
    private readonly Tensor labels;

    internal ConditionedPixelCnn(GatedPixelCnn model, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labels);
        if (!model.Conditional)
            throw new ArgumentException($"{nameof(GatedPixelCnn)}.{nameof(GatedPixelCnn.Given)}: the model is unconditional (Classes = 0)");
        if (labels.dim() != 1 || labels.size(0) < 1)
            throw new ArgumentException($"{nameof(GatedPixelCnn)}.{nameof(GatedPixelCnn.Given)}: labels must be (N) with N >= 1, got {labels.Describe()}");
        var k = model.Settings.Classes;
        var values = labels.to(ScalarType.Int64, CPU).ToArray<long>();
        if (values.Any(l => l < 0 || l >= k))
            throw new ArgumentOutOfRangeException(nameof(labels), $"{nameof(GatedPixelCnn)}.{nameof(GatedPixelCnn.Given)}: labels must lie in [0, {k}), got [{string.Join(", ", values.Take(10))}{(values.Length > 10 ? ", ..." : "")}]");
        Model = model;
        register_module("model", model);
        this.labels = labels.to(ScalarType.Int64, model.Device).detach().DetachFromDisposeScope();   // (N)
    }

    /// <summary>The conditional model whose weights this view uses.</summary>
    public GatedPixelCnn Model { get; }

    /// <summary>The fixed labels, (N) int64.</summary>
    public Tensor Labels => labels;

    /// <summary>ℓ(x, y) (B, 1, H, W) for x (B, 1, H, W); B must equal N, unless one label was given.</summary>
    public override Tensor forward(Tensor x) => Model.forward(x, labels);

    /// <summary>Releases the labels only: the weights belong to <see cref="Model"/>, which stays usable.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !labels.IsInvalid) labels.Dispose();
    }
}
