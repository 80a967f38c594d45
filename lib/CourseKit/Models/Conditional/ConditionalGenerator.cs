using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// G(z, y): a generator told which class to draw. The label enters through a learned embedding e(y)
/// concatenated with the code, <c>[z, e(y)] (B, Z + E)</c>, which the network maps to images (B, C, H, W).
/// Built by <see cref="ConditionalDcganSettings.Generator"/>. Parameter names: <c>net.*</c>, <c>label_embedding.*</c>.
/// </summary>
public sealed class ConditionalGenerator : nn.Module<Tensor, Tensor, Tensor>
{
    /// <param name="net">The network [z, e(y)] (B, Z + E) -> images (B, ...).</param>
    /// <param name="labelEmbedding">e: labels (B) -> (B, E).</param>
    /// <param name="latentSize">Z.</param>
    public ConditionalGenerator(nn.Module<Tensor, Tensor> net, Modules.Embedding labelEmbedding, long latentSize)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(labelEmbedding);
        if (latentSize < 1) throw new ArgumentOutOfRangeException(nameof(latentSize), $"{nameof(ConditionalGenerator)}: latent size must be positive, got {latentSize}");
        this.net = net;
        label_embedding = labelEmbedding;
        LatentSize = latentSize;
        RegisterComponents();
    }

    public nn.Module<Tensor, Tensor> net { get; }

    /// <summary>e, the label embedding (K, E).</summary>
    public Modules.Embedding label_embedding { get; }

    /// <summary>Z, the size of a code.</summary>
    public long LatentSize { get; }

    /// <summary>K, the number of classes.</summary>
    public long Classes => label_embedding.num_embeddings;

    /// <summary>The device of the weights.</summary>
    public Device Device => parameters().First().device;

    /// <summary>n codes z ~ N(0, I), (n, Z), on the generator's device.</summary>
    public Tensor Prior(long n) => randn([n, LatentSize], device: Device);

    /// <summary>G(z, y): samples (B, ...) for codes (B, Z) and labels (B) int64 in [0, K).</summary>
    public override Tensor forward(Tensor z, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(labels);
        if (z.dim() != 2 || z.size(1) != LatentSize || labels.dim() != 1 || labels.size(0) != z.size(0))
            throw new ArgumentException($"{nameof(ConditionalGenerator)}: z must be (B, {LatentSize}) and labels (B), got {z.Describe()} and {labels.Describe()}");
        using var scope = NewDisposeScope();
        var e = label_embedding.call(labels.to(ScalarType.Int64, z.device));                  // (B, E)
        return scope.MoveToOuter(net.call(cat([z, e], 1)));                                  // (B, ...)
    }

    /// <summary>G(z, y) for given codes and labels, without gradient, in evaluation mode (the mode is restored).</summary>
    public Tensor Decode(Tensor z, Tensor labels)
    {
        var wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            return forward(z, labels);
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <summary>One sample G(z, y), z ~ N(0, I), per label: (N, ...), without gradient, in evaluation mode.</summary>
    public Tensor Sample(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var z = Prior(labels.size(0));                                                 // (N, Z)
        return Decode(z, labels);
    }
}
