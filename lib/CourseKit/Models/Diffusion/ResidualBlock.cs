using static CourseKit.torch;

namespace CourseKit.Models.Diffusion;

/// <summary>
/// A residual block conditioned on an embedding, as in DDPM's U-Net (Ho et al. 2020, appendix B, after
/// the wide ResNet): h = conv(SiLU(GN(x))); h += Linear(SiLU(e)) per channel; h = conv(SiLU(GN(h)));
/// out = h + skip(x), with skip a 1x1 convolution when the channel count changes.
/// </summary>
public sealed class ResidualBlock : nn.Module
{
    public ResidualBlock(int inChannels, int outChannels, int embeddingSize, int groups)
    {
        norm1 = nn.GroupNorm(groups, inChannels);
        conv1 = nn.Conv2d(inChannels, outChannels, 3, padding: 1);
        embedding = nn.Linear(embeddingSize, outChannels);
        norm2 = nn.GroupNorm(groups, outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1);
        skip = inChannels == outChannels ? nn.Identity() : nn.Conv2d(inChannels, outChannels, 1);
        RegisterComponents();
    }

    public nn.Module<Tensor, Tensor> norm1 { get; }
    public nn.Module<Tensor, Tensor> conv1 { get; }
    public nn.Module<Tensor, Tensor> embedding { get; }
    public nn.Module<Tensor, Tensor> norm2 { get; }
    public nn.Module<Tensor, Tensor> conv2 { get; }
    public nn.Module<Tensor, Tensor> skip { get; }

    /// <summary><paramref name="x"/> (B, C_in, H, W) and the embedding <paramref name="e"/> (B, E) to (B, C_out, H, W).</summary>
    public Tensor call(Tensor x, Tensor e)
    {
        using var scope = NewDisposeScope();
        var h = conv1.call(nn.functional.silu(norm1.call(x)));                       // (B, C_out, H, W)
        h = h + embedding.call(nn.functional.silu(e)).unsqueeze(-1).unsqueeze(-1);   // + (B, C_out, 1, 1)
        h = conv2.call(nn.functional.silu(norm2.call(h)));
        return (h + skip.call(x)).MoveToOuterDisposeScope();
    }
}
