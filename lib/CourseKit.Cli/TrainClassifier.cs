using System.Diagnostics;
using CourseKit.Data;
using static CourseKit.torch;

namespace CourseKit.Cli;

/// <summary>
/// Trains a small conv net on the shipped MNIST (or Fashion-MNIST) subset and reports the test
/// accuracy: the smallest end-to-end check that tensors, autograd, modules, optimizers and data work.
/// </summary>
internal static class TrainClassifier
{
    public static int Run(string[] args)
    {
        ClassifierOptions options;
        try
        {
            options = ClassifierOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"train-classifier: {e.Message}");
            return 2;
        }
        if (options.Threads is int threads) set_num_threads(threads);
        manual_seed(options.Seed);

        using var train = Load(options.Dataset, train: true);
        using var test = Load(options.Dataset, train: false);
        Console.WriteLine($"train-classifier: {train.Name}, {train.Count} training and {test.Count} test images, " +
                          $"libtorch {libtorch_version}, {get_num_threads()} threads, seed {options.Seed}");

        using var model = Network();
        var optimizer = optim.Adam(model.parameters(), lr: options.LearningRate);
        var loader = new DataLoader(train, options.BatchSize, shuffle: true, seed: options.Seed);

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            model.train();
            double lossSum = 0;
            var steps = 0;
            foreach (var (x, y) in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(x), y);   // x: (B, 1, 28, 28)
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
                steps++;
            }
            var accuracy = Accuracy(model, test);
            Console.WriteLine($"epoch {epoch}/{options.Epochs}  train loss {lossSum / steps:F4}  test accuracy {accuracy:P2}  " +
                              $"{clock.Elapsed.TotalSeconds:F1} s ({steps / clock.Elapsed.TotalSeconds:F0} steps/s)");
        }
        return 0;
    }

    private static MnistDataset Load(string name, bool train) => name switch
    {
        "mnist" => datasets.MNIST(train: train),
        "fashion-mnist" => datasets.FashionMNIST(train: train),
        _ => throw new ArgumentException($"unknown dataset '{name}': expected mnist or fashion-mnist"),
    };

    /// <summary>Two conv blocks and a linear read-out: (B, 1, 28, 28) -> (B, 10) logits.</summary>
    private static nn.Module<Tensor, Tensor> Network() => nn.Sequential(
        nn.Conv2d(1, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),    // (B, 16, 14, 14)
        nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),   // (B, 32, 7, 7)
        nn.Flatten(),                                                   // (B, 1568)
        nn.Linear(32 * 7 * 7, 10));

    /// <summary>Fraction of test images whose arg-max logit is the label.</summary>
    private static double Accuracy(nn.Module<Tensor, Tensor> model, MnistDataset test)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var predictions = model.call(test.Images).argmax(1);
        return predictions.eq(test.Labels).@float().mean().item<float>();
    }
}
