// CourseKit side of reference/diffusion_unet_pytorch.py: trains the diffusion U-Net (UNetSettings'
// defaults, unconditional) with DDPM's simple loss on datasets/mnist scaled to [−1, 1], batch 64 in the
// order of torch.randperm, Adam lr 2e-4, for a fixed number of steps, and prints the loss of every step
// as JSON. It first writes the initial weights to a safetensors file that the PyTorch script loads, so
// both start from the same network; the steps t and the noise ε come from libtorch's generator with the
// same seed and the same calls in the same order on both sides.
//
//   dotnet run -c Release --project reference/DiffusionUNet -- --steps 200 --seed 0 --init /tmp/unet-init.safetensors
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CourseKit.Data;
using CourseKit.Models.Diffusion;
using static CourseKit.torch;

int steps = 200, seed = 0, batch = 64, threads = 0;
var init = Path.Combine(Path.GetTempPath(), "unet-init.safetensors");
for (var k = 0; k + 1 < args.Length; k += 2)
{
    switch (args[k])
    {
        case "--steps": steps = int.Parse(args[k + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[k + 1], CultureInfo.InvariantCulture); break;
        case "--batch": batch = int.Parse(args[k + 1], CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(args[k + 1], CultureInfo.InvariantCulture); break;
        case "--init": init = args[k + 1]; break;
        default: throw new ArgumentException($"unknown option {args[k]} (options: --steps, --seed, --batch, --threads, --init)");
    }
}
if (threads > 0) set_num_threads(threads);

manual_seed(seed);
using var train = datasets.MNIST(train: true);
using var images = train.Images * 2.0 - 1.0;                                  // (N, 1, 28, 28) in [−1, 1]
using var unet = new UNet();
save(unet.state_dict(), init);
using var optimizer = optim.Adam(unet.parameters(), lr: 2e-4);
var diffusion = new GaussianDiffusion();

manual_seed(seed + 1);                                                        // the stream both sides share from here
var losses = new List<double>();
var clock = Stopwatch.StartNew();
var order = randperm(images.shape[0]);
for (long step = 0, position = 0; step < steps; step++, position += batch)
{
    if (position + batch > images.shape[0])
    {
        order.Dispose();
        order = randperm(images.shape[0]);
        position = 0;
    }
    using var scope = NewDisposeScope();
    var x0 = images.index_select(0, order.narrow(0, position, batch));        // (B, 1, 28, 28)
    var loss = diffusion.Loss(unet.Predictor(), x0);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    losses.Add(loss.item<float>());
}
order.Dispose();
Console.WriteLine(JsonSerializer.Serialize(new
{
    seed,
    steps,
    batch,
    seconds_per_step = Math.Round(clock.Elapsed.TotalSeconds / steps, 4),
    parameters = unet.parameters().Sum(p => p.numel()),
    losses = losses.Select(l => Math.Round(l, 6)),
}));
