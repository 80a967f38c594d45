using static CourseKit.torch;

namespace CourseKit.Models.Diffusion;

/// <summary>
/// A small U-Net noise predictor ε_θ(x_t, t[, y]) for 28x28 images, DDPM's architecture (Ho et al. 2020,
/// appendix B, after PixelCNN++) scaled down: residual blocks at 28x28 (C channels), 14x14 and 7x7 (2C),
/// a self-attention block at 7x7, and the way back up with the skip connections of the way down
/// (Ronneberger et al. 2015). The step t enters every residual block through a sinusoidal embedding and
/// an MLP; a conditional model adds a learned class embedding, with one extra "null" class ∅
/// (<see cref="NullLabel"/>) for classifier-free guidance.
/// </summary>
public sealed class UNet : nn.Module
{
    public UNet(UNetSettings? settings = null)
    {
        Settings = settings ?? new UNetSettings();
        var s = Settings;
        if (s.ImageSize % 4 != 0) throw new ArgumentException($"UNet: the image size must be a multiple of 4, got {s.ImageSize}");
        var (c1, c2, e) = (s.BaseChannels, 2 * s.BaseChannels, s.EmbeddingSize);
        if (c1 % s.Groups != 0) throw new ArgumentException($"UNet: {s.Groups} groups do not divide {c1} channels");
        time_mlp = nn.Sequential(nn.Linear(e, e), nn.SiLU(), nn.Linear(e, e));
        class_embedding = s.NumClasses is int k ? nn.Embedding(k + 1, e) : null;
        input = nn.Conv2d(s.ImageChannels, c1, 3, padding: 1);
        down1 = new ResidualBlock(c1, c1, e, s.Groups);                       // 28x28
        downsample1 = nn.Conv2d(c1, c1, 3, stride: 2, padding: 1);            // → 14x14
        down2 = new ResidualBlock(c1, c2, e, s.Groups);
        downsample2 = nn.Conv2d(c2, c2, 3, stride: 2, padding: 1);            // → 7x7
        middle1 = new ResidualBlock(c2, c2, e, s.Groups);
        attention = s.Attention ? new SelfAttention2d(c2, s.Groups) : nn.Identity();
        middle2 = new ResidualBlock(c2, c2, e, s.Groups);
        upsample2 = nn.Conv2d(c2, c2, 3, padding: 1);                          // after ×2: → 14x14
        up2 = new ResidualBlock(c2 + c2, c2, e, s.Groups);
        upsample1 = nn.Conv2d(c2, c2, 3, padding: 1);                          // after ×2: → 28x28
        up1 = new ResidualBlock(c2 + c1, c1, e, s.Groups);
        output_norm = nn.GroupNorm(s.Groups, c1);
        output = nn.Conv2d(c1, s.ImageChannels, 3, padding: 1);
        RegisterComponents();
    }

    public UNetSettings Settings { get; }

    /// <summary>The label ∅ of the unconditional model in a conditional U-Net (= NumClasses).</summary>
    public long NullLabel => Settings.NumClasses ?? throw new InvalidOperationException("UNet: an unconditional U-Net has no null label");

    public nn.Module<Tensor, Tensor> time_mlp { get; }
    public nn.Module<Tensor, Tensor>? class_embedding { get; }
    public nn.Module<Tensor, Tensor> input { get; }
    public ResidualBlock down1 { get; }
    public nn.Module<Tensor, Tensor> downsample1 { get; }
    public ResidualBlock down2 { get; }
    public nn.Module<Tensor, Tensor> downsample2 { get; }
    public ResidualBlock middle1 { get; }
    public nn.Module<Tensor, Tensor> attention { get; }
    public ResidualBlock middle2 { get; }
    public nn.Module<Tensor, Tensor> upsample2 { get; }
    public ResidualBlock up2 { get; }
    public nn.Module<Tensor, Tensor> upsample1 { get; }
    public ResidualBlock up1 { get; }
    public nn.Module<Tensor, Tensor> output_norm { get; }
    public nn.Module<Tensor, Tensor> output { get; }

    /// <summary>
    /// The predicted noise (B, C, H, W) in <paramref name="x_t"/> (B, C, H, W) at steps <paramref name="t"/> (B, int64),
    /// for labels <paramref name="y"/> (B, int64; <see cref="NullLabel"/> for none) of a conditional model;
    /// <paramref name="y"/> null means "no label" (∅ for every example of a conditional model).
    /// </summary>
    public Tensor call(Tensor x_t, Tensor t, Tensor? y = null)
    {
        ArgumentNullException.ThrowIfNull(x_t);
        ArgumentNullException.ThrowIfNull(t);
        var s = Settings;
        if (x_t.dim() != 4 || x_t.shape[1] != s.ImageChannels || x_t.shape[2] != s.ImageSize || x_t.shape[3] != s.ImageSize)
            throw new ArgumentException($"UNet: expected x_t of shape (B, {s.ImageChannels}, {s.ImageSize}, {s.ImageSize}), got ({string.Join(", ", x_t.shape)})");
        if (t.dim() != 1 || t.shape[0] != x_t.shape[0])
            throw new ArgumentException($"UNet: expected t of shape ({x_t.shape[0]}), got ({string.Join(", ", t.shape)})");
        if (y is not null && class_embedding is null)
            throw new ArgumentException("UNet: labels were given to an unconditional U-Net (set UNetSettings.NumClasses)");
        using var scope = NewDisposeScope();
        var e = time_mlp.call(SinusoidalEmbedding.Of(t, s.EmbeddingSize));   // (B, E)
        if (class_embedding is not null)
            e = e + class_embedding.call(y ?? full([x_t.shape[0]], NullLabel, ScalarType.Int64, x_t.device));
        var h1 = down1.call(input.call(x_t), e);                              // (B, C, 28, 28)
        var h2 = down2.call(downsample1.call(h1), e);                         // (B, 2C, 14, 14)
        var h = middle1.call(downsample2.call(h2), e);                        // (B, 2C, 7, 7)
        h = middle2.call(attention.call(h), e);
        h = upsample2.call(nn.functional.interpolate(h, 2.0));                // (B, 2C, 14, 14)
        h = up2.call(cat([h, h2], 1), e);
        h = upsample1.call(nn.functional.interpolate(h, 2.0));                // (B, 2C, 28, 28)
        h = up1.call(cat([h, h1], 1), e);                                     // (B, C, 28, 28)
        return output.call(nn.functional.silu(output_norm.call(h))).MoveToOuterDisposeScope();
    }

    /// <summary>This network as the <see cref="NoisePredictor"/> of a diffusion, for the labels <paramref name="y"/> (or none).</summary>
    public NoisePredictor Predictor(Tensor? y = null) => (x_t, t) => call(x_t, t, y);
}
