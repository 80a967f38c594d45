using static CourseKit.torch;

namespace CourseKit.Models.Diffusion;

/// <summary>
/// Single-head self-attention over the pixels of a feature map, with a residual connection (DDPM's
/// attention block, Ho et al. 2020, appendix B): q, k, v = 1x1 convolutions of GN(x);
/// out = x + proj(softmax(q kᵀ / √C) v). Lets every pixel see the whole image at once.
/// </summary>
public sealed class SelfAttention2d : nn.Module<Tensor, Tensor>
{
    public SelfAttention2d(int channels, int groups)
    {
        this.channels = channels;
        norm = nn.GroupNorm(groups, channels);
        qkv = nn.Conv2d(channels, 3L * channels, 1);
        proj = nn.Conv2d(channels, channels, 1);
        RegisterComponents();
    }

    private readonly int channels;
    public nn.Module<Tensor, Tensor> norm { get; }
    public nn.Module<Tensor, Tensor> qkv { get; }
    public nn.Module<Tensor, Tensor> proj { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (b, h, w) = (x.shape[0], x.shape[2], x.shape[3]);
        var parts = qkv.call(norm.call(x)).reshape(b, 3L * channels, h * w).chunk(3, 1);   // q, k, v: 3 × (B, C, HW)
        var weights = (parts[0].transpose(1, 2).bmm(parts[1]) / Math.Sqrt(channels)).softmax(-1);   // (B, HW, HW)
        var attended = parts[2].bmm(weights.transpose(1, 2)).reshape(b, channels, h, w);  // (B, C, H, W)
        return (x + proj.call(attended)).MoveToOuterDisposeScope();
    }
}
