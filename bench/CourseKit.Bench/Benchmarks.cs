using System.Diagnostics;
using CourseKit.Losses;
using CourseKit.Models;
using CourseKit.Models.Diffusion;
using static CourseKit.torch;

namespace CourseKit.Bench;

/// <summary>Training steps of the benchmarked models; each mirrors a function of bench_pytorch.py.</summary>
internal static class Benchmarks
{
    /// <summary>Runs <paramref name="warmup"/> untimed steps, then returns steps per second over <paramref name="steps"/>.</summary>
    private static double TimeSteps(Action step, int steps, int warmup)
    {
        for (var k = 0; k < warmup; k++) step();
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < steps; k++) step();
        return steps / clock.Elapsed.TotalSeconds;
    }

    /// <summary>784-512-512-10 MLP, batch 128, Adam, cross-entropy.</summary>
    public static double Mlp(int steps, int warmup, int batch = 128)
    {
        using var model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var x = rand(batch, 784);
        using var y = randint(0, 10, [batch]);
        return TimeSteps(() =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x), y);
            loss.backward();
            optimizer.step();
        }, steps, warmup);
    }

    /// <summary>DCGAN's generator (Radford et al. 2016) for 28x28 images: z → 128x7x7 → 64x14x14 → 1x28x28.</summary>
    private static Modules.Sequential DcganGenerator(int zDim) => nn.Sequential(
        nn.Linear(zDim, 128 * 7 * 7), nn.Unflatten(1, [128, 7, 7]), nn.BatchNorm2d(128), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, stride: 2, padding: 1), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, stride: 2, padding: 1), nn.Tanh());

    /// <summary>DCGAN's discriminator for 28x28 images; a WGAN-GP critic drops the batch norm (the penalty is per example).</summary>
    private static Modules.Sequential DcganDiscriminator(bool batchNorm) => nn.Sequential(
        nn.Conv2d(1, 64, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, stride: 2, padding: 1),
        batchNorm ? nn.BatchNorm2d(128) : nn.Identity(), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1));

    /// <summary>One discriminator and one generator step of a DCGAN (Radford et al. 2016) for 28x28 images, batch 64.</summary>
    public static double Dcgan(int steps, int warmup, int batch = 64, int zDim = 100)
    {
        using var g = DcganGenerator(zDim);
        using var d = DcganDiscriminator(batchNorm: true);
        var optG = optim.Adam(g.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        var optD = optim.Adam(d.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        using var real = rand(batch, 1, 28, 28) * 2 - 1;
        using var ones = torch.ones(batch, 1);
        using var zeros = torch.zeros(batch, 1);
        return TimeSteps(() =>
        {
            using var scope = NewDisposeScope();
            // Discriminator: real -> 1, fake -> 0.
            var fake = g.call(randn(batch, zDim));
            optD.zero_grad();
            var lossD = nn.functional.binary_cross_entropy_with_logits(d.call(real), ones)
                        + nn.functional.binary_cross_entropy_with_logits(d.call(fake.detach()), zeros);
            lossD.backward();
            optD.step();
            // Generator, non-saturating loss: fake -> 1.
            optG.zero_grad();
            var lossG = nn.functional.binary_cross_entropy_with_logits(d.call(fake), ones);
            lossG.backward();
            optG.step();
        }, steps, warmup);
    }

    /// <summary>
    /// One critic step of WGAN-GP (Gulrajani et al. 2017, λ = 10) with the DCGAN networks, the critic
    /// without batch norm, batch 64: the gradient penalty needs a double backward through the convolutions.
    /// </summary>
    public static double WganGp(int steps, int warmup, int batch = 64, int zDim = 100)
    {
        using var g = DcganGenerator(zDim);
        using var d = DcganDiscriminator(batchNorm: false);
        var optD = optim.Adam(d.parameters(), lr: 1e-4, beta1: 0.5, beta2: 0.9);
        using var real = rand(batch, 1, 28, 28) * 2 - 1;
        return TimeSteps(() =>
        {
            using var scope = NewDisposeScope();
            Tensor fake;
            using (no_grad()) fake = g.call(randn(batch, zDim));
            var loss = d.call(fake).mean() - d.call(real).mean() + GanLosses.GradientPenalty(d.call, real, fake, lambda: 10);
            optD.zero_grad();
            loss.backward();
            optD.step();
        }, steps, warmup);
    }

    /// <summary>
    /// One VAE step (Kingma &amp; Welling 2014): MLP 784-400-20, Bernoulli decoder, batch 128 of binary
    /// images, forward, negative ELBO, backward, Adam.
    /// </summary>
    public static double Vae(int steps, int warmup, int batch = 128)
    {
        using var model = new VariationalAutoencoder(new MlpAutoencoderSettings());
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var x = (rand(batch, 784) < 0.5).to(float32);
        return TimeSteps(() =>
        {
            using var scope = NewDisposeScope();
            var o = model.call(x);
            var loss = Elbo.Negative(model.LogLikelihood(x, o.Recon), o.Mu, o.LogVar);
            optimizer.zero_grad();
            loss.Total.mean().backward();
            optimizer.step();
        }, steps, warmup);
    }

    /// <summary>
    /// One PixelCNN step (van den Oord et al. 2016): 7x7 type-A and five 3x3 type-B masked convolutions of
    /// 16 maps, Bernoulli logits, batch 64 of binary 28x28 images, forward, exact NLL, backward, Adam.
    /// </summary>
    public static double PixelCnnStep(int steps, int warmup, int batch = 64)
    {
        using var model = new PixelCnn(new PixelCnnSettings { Channels = 16, Layers = 5 });
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var x = (rand(batch, 1, 28, 28) < 0.5).to(float32);
        return TimeSteps(() => AutoregressiveTrainer.Step(model, optimizer, x), steps, warmup);
    }

    /// <summary>
    /// Pixel-by-pixel sampling of 16 binary 28x28 images from the same PixelCNN (untrained): 784 forward
    /// passes of a batch of 16; returns batches of 16 images per second.
    /// </summary>
    public static double PixelCnnSample16(int batches, int warmup)
    {
        using var model = new PixelCnn(new PixelCnnSettings { Channels = 16, Layers = 5 });
        return TimeSteps(() => { using var x = AutoregressiveSampler.Sample(model, 16, 28, 28); }, batches, warmup);
    }

    /// <summary>
    /// One DDPM training step (Ho et al. 2020, Algorithm 1) of the diffusion U-Net (UNetSettings' defaults,
    /// about 0.6 M parameters), batch 32 of 28x28 images: q-sample, ε-prediction loss, backward, Adam.
    /// </summary>
    public static double UNetTraining(int steps, int warmup, int batch = 32)
    {
        using var unet = new UNet();
        var diffusion = new GaussianDiffusion();
        var optimizer = optim.Adam(unet.parameters(), lr: 2e-4);
        using var x0 = rand(batch, 1, 28, 28) * 2 - 1;
        return TimeSteps(() =>
        {
            using var scope = NewDisposeScope();
            var loss = diffusion.Loss(unet.Predictor(), x0);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }, steps, warmup);
    }

    /// <summary>One reverse step of DDPM sampling (Algorithm 2) for a batch of 64 images: a forward pass of the U-Net without gradient.</summary>
    public static double UNetSampling(int steps, int warmup, int batch = 64)
    {
        using var unet = new UNet();
        unet.eval();
        var diffusion = new GaussianDiffusion();
        using var x = randn(batch, 1, 28, 28);
        var t = 500;
        return TimeSteps(() => { using var next = diffusion.PSample(unet.Predictor(), x, t); }, steps, warmup);
    }

    /// <summary>
    /// Per-operator overhead: calls per second of <paramref name="op"/> on tiny tensors, where the
    /// arithmetic is negligible and what is timed is the path from the caller to libtorch's kernel
    /// and back (argument boxing, dispatch, result wrapping, release).
    /// </summary>
    public static double Calls(Action op, int calls, int warmup) => TimeSteps(op, calls, warmup);

    /// <summary><c>a + b</c> on two (8, 8) tensors, the result released at once.</summary>
    public static double Add(int calls)
    {
        using var a = rand(8, 8);
        using var b = rand(8, 8);
        return Calls(() => { using var c = a + b; }, calls, calls / 10);
    }

    /// <summary><c>a.matmul(b)</c> on two (8, 8) tensors.</summary>
    public static double Matmul(int calls)
    {
        using var a = rand(8, 8);
        using var b = rand(8, 8);
        return Calls(() => { using var c = a.matmul(b); }, calls, calls / 10);
    }

    /// <summary>Forward and backward of an 8-to-8 Linear layer on a (4, 8) batch, in a dispose scope as a training step is.</summary>
    public static double LinearForwardBackward(int calls)
    {
        using var layer = nn.Linear(8, 8);
        using var x = rand(4, 8);
        return Calls(() =>
        {
            using var scope = NewDisposeScope();
            layer.call(x).sum().backward();
        }, calls, calls / 10);
    }
}
