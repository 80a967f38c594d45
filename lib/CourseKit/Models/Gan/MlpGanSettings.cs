using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// Fully connected G and D for low-dimensional data such as the 2-D mixtures of <see cref="Data.ModeMixture"/>:
/// <code>
/// G  z (B, Z) -> [Linear -> ReLU] x Layers -> Linear -> (B, D)
/// D  x (B, D) -> [Linear -> LeakyReLU(0.2)] x Layers -> Linear -> (B, 1)   a logit, or a critic score
/// </code>
/// </summary>
public sealed record MlpGanSettings
{
    /// <summary>D, the data dimension: 2.</summary>
    public long DataSize { get; init; } = 2;

    /// <summary>Z, the latent dimension: 2 (a 2-D code for 2-D data).</summary>
    public long LatentSize { get; init; } = 2;

    /// <summary>Units per hidden layer: 128.</summary>
    public long HiddenSize { get; init; } = 128;

    /// <summary>Hidden layers in each network: 3.</summary>
    public int Layers { get; init; } = 3;

    /// <summary>Slope of the discriminator's LeakyReLU for negative inputs: 0.2 (Radford et al. 2016).</summary>
    public double LeakySlope { get; init; } = 0.2;

    /// <summary>The generator G.</summary>
    public Generator Generator()
    {
        Validate();
        return new Generator(Stack(LatentSize, DataSize, () => nn.ReLU()), LatentSize);
    }

    /// <summary>The discriminator (or critic) D: (B, D) -> (B, 1).</summary>
    public nn.Module<Tensor, Tensor> Discriminator()
    {
        Validate();
        return Stack(DataSize, 1, () => nn.LeakyReLU(LeakySlope));
    }

    private nn.Module<Tensor, Tensor> Stack(long input, long output, Func<nn.Module<Tensor, Tensor>> activation)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var width = input;
        for (var k = 0; k < Layers; k++)
        {
            layers.Add(nn.Linear(width, HiddenSize));                           // (B, hidden)
            layers.Add(activation());
            width = HiddenSize;
        }
        layers.Add(nn.Linear(width, output));                                   // (B, output)
        return nn.Sequential([.. layers]);
    }

    public void Validate()
    {
        if (DataSize < 1 || LatentSize < 1 || HiddenSize < 1 || Layers < 0)
            throw new ArgumentException(
                $"{nameof(MlpGanSettings)}: DataSize, LatentSize and HiddenSize must be positive and Layers non-negative, got {DataSize}, {LatentSize}, {HiddenSize}, {Layers}");
        if (!(LeakySlope >= 0 && LeakySlope < 1))
            throw new ArgumentException($"{nameof(MlpGanSettings)}: LeakySlope must be in [0, 1), got {LeakySlope}");
    }
}
