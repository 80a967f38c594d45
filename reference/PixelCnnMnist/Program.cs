// CourseKit side of reference/pixelcnn_mnist_pytorch.py: the same PixelCNN (7x7 type-A masked
// convolution, 3x3 type-B layers with ReLU, two 1x1 convolutions, Bernoulli logits), data
// (datasets/mnist, binarized x > 0.5), batch, Adam lr 1e-3 and epochs, trained with
// AutoregressiveTrainer. Prints the exact test negative log-likelihood (nats per image, mean over
// the 2,000 test images) and bits/dim as JSON.
//
//   dotnet run -c Release --project reference/PixelCnnMnist -- --epochs 5 --seed 0
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CourseKit.Data;
using CourseKit.Models;
using static CourseKit.torch;

int epochs = 5, seed = 0, batch = 64, channels = 16, layers = 5, threads = 2, steps = 0;
var model = "pixelcnn";
for (var k = 0; k + 1 < args.Length; k += 2)
{
    if (args[k] == "--model") { model = args[k + 1]; continue; }
    var value = int.Parse(args[k + 1], CultureInfo.InvariantCulture);
    switch (args[k])
    {
        case "--epochs": epochs = value; break;
        case "--seed": seed = value; break;
        case "--batch": batch = value; break;
        case "--channels": channels = value; break;
        case "--layers": layers = value; break;
        case "--threads": threads = value; break;
        case "--steps": steps = value; break;
        default: throw new ArgumentException($"unknown option {args[k]} (options: --model, --epochs, --seed, --batch, --channels, --layers, --threads, --steps)");
    }
}

set_num_threads(threads);
manual_seed(seed);
using var train = datasets.MNIST(train: true);
using var test = datasets.MNIST(train: false);
var trainLoader = new DataLoader(train, batch, shuffle: true, seed: seed, transform: PixelTransform.Binarize);
var testLoader = new DataLoader(test, 500, transform: PixelTransform.Binarize);
using AutoregressiveModel net = model switch
{
    "pixelcnn" => new PixelCnn(new PixelCnnSettings { Channels = channels, Layers = layers }),
    "gated" => new GatedPixelCnn(new PixelCnnSettings { Channels = channels, Layers = layers }),
    "made" => new Made(),
    _ => throw new ArgumentException($"unknown model {model} (pixelcnn, gated, made)"),
};
using var optimizer = optim.Adam(net.parameters(), lr: 1e-3);

var clock = Stopwatch.StartNew();
if (steps > 0)
{
    // Timing only: `steps` training steps on the first batches, then the seconds per step.
    var taken = 0;
    foreach (var (x, _) in trainLoader)
    {
        if (taken++ == steps) break;
        AutoregressiveTrainer.Step(net, optimizer, x);
    }
    Console.WriteLine(JsonSerializer.Serialize(new { model, steps, seconds_per_step = clock.Elapsed.TotalSeconds / steps }));
    return;
}
for (var epoch = 0; epoch < epochs; epoch++) AutoregressiveTrainer.TrainEpoch(net, trainLoader, optimizer);
var trainSeconds = clock.Elapsed.TotalSeconds;
var (nats, bitsPerDim) = BernoulliPixels.Evaluate(net, testLoader);

Console.WriteLine(JsonSerializer.Serialize(new
{
    model,
    seed,
    epochs,
    test_nll = nats,
    test_bits_per_dim = bitsPerDim,
    train_seconds = Math.Round(trainSeconds, 1),
}));
