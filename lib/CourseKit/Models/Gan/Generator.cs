using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// G: a network from latent codes z (B, Z) to samples (B, ...), with the prior p(z) = N(0, I) that
/// feeds it. Built by <see cref="MlpGanSettings.Generator"/> or <see cref="DcganSettings.Generator"/>.
/// </summary>
public sealed class Generator : nn.Module<Tensor, Tensor>
{
    /// <param name="net">The network z (B, Z) -> samples (B, ...).</param>
    /// <param name="latentSize">Z, the size of a latent code.</param>
    public Generator(nn.Module<Tensor, Tensor> net, long latentSize)
    {
        ArgumentNullException.ThrowIfNull(net);
        if (latentSize < 1) throw new ArgumentOutOfRangeException(nameof(latentSize), $"Generator: latent size must be positive, got {latentSize}");
        this.net = net;
        LatentSize = latentSize;
        RegisterComponents();
    }

    /// <summary>The network z (B, Z) -> samples (B, ...).</summary>
    public nn.Module<Tensor, Tensor> net { get; }

    /// <summary>Z, the size of a latent code.</summary>
    public long LatentSize { get; }

    /// <summary>The device of the generator's weights.</summary>
    public Device Device => parameters().First().device;

    /// <summary>n codes z ~ N(0, I), (n, Z), on the generator's device.</summary>
    public Tensor Prior(long n) => randn([n, LatentSize], device: Device);

    /// <summary>G(z): samples (B, ...) for codes (B, Z).</summary>
    public override Tensor forward(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.dim() != 2 || z.size(1) != LatentSize)
            throw new ArgumentException($"Generator: z must have shape (B, {LatentSize}), got {z.Describe()}");
        return net.call(z);
    }

    /// <summary>n samples G(z), z ~ N(0, I), computed without gradient in evaluation mode (the mode is restored).</summary>
    public Tensor Sample(long n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Generator.Sample: need at least one sample, got {n}");
        using var noGrad = no_grad();
        using var z = Prior(n);                                                 // (n, Z)
        return Decode(z);
    }

    /// <summary>G(z) for given codes (B, Z), without gradient, in evaluation mode (the mode is restored).</summary>
    public Tensor Decode(Tensor z)
    {
        var wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            return forward(z);
        }
        finally
        {
            train(wasTraining);
        }
    }
}
