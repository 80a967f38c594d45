// CourseKit side of reference/vae_mnist_pytorch.py: the same MLP VAE (784-400-20, ReLU, Bernoulli
// logits), data (datasets/mnist, binarized x > 0.5), batch 128, Adam lr 1e-3 and epochs, trained
// with VaeTrainer. Prints the test negative ELBO (nats, mean over the 2,000 test images) as JSON.
//
//   dotnet run -c Release --project reference/VaeMnist -- --epochs 50 --seed 0
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CourseKit.Data;
using CourseKit.Models;
using static CourseKit.torch;

int epochs = 50, seed = 0, batch = 128;
for (var k = 0; k + 1 < args.Length; k += 2)
{
    var value = int.Parse(args[k + 1], CultureInfo.InvariantCulture);
    switch (args[k])
    {
        case "--epochs": epochs = value; break;
        case "--seed": seed = value; break;
        case "--batch": batch = value; break;
        default: throw new ArgumentException($"unknown option {args[k]} (options: --epochs, --seed, --batch)");
    }
}

manual_seed(seed);
using var train = datasets.MNIST(train: true);
using var test = datasets.MNIST(train: false);
var trainLoader = new DataLoader(train, batch, shuffle: true, seed: seed, transform: PixelTransform.Binarize, flatten: true);
var testLoader = new DataLoader(test, 500, transform: PixelTransform.Binarize, flatten: true);
using var vae = new VariationalAutoencoder(new MlpAutoencoderSettings());
using var optimizer = optim.Adam(vae.parameters(), lr: 1e-3);

var clock = Stopwatch.StartNew();
for (var epoch = 0; epoch < epochs; epoch++) VaeTrainer.TrainEpoch(vae, trainLoader, optimizer);
var trainSeconds = clock.Elapsed.TotalSeconds;
var score = VaeEvaluation.NegativeElbo(vae, testLoader);

Console.WriteLine(JsonSerializer.Serialize(new
{
    seed,
    epochs,
    test_negative_elbo = score.Total,
    test_reconstruction = score.Reconstruction,
    test_kl = score.Kl,
    train_seconds = Math.Round(trainSeconds, 1),
}));
