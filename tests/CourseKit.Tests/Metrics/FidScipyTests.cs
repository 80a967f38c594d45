using System.Globalization;
using CourseKit.Data;
using CourseKit.Metrics;
using CourseKit.Tests.IO;

namespace CourseKit.Tests.Metrics;

/// <summary>FID against an independent implementation: NumPy's covariance and SciPy's Schur-method sqrtm (fid_scipy.py).</summary>
[Collection(nameof(SeededRandomCollection))]
public sealed class FidScipyTests
{
    private const double Relative = 1e-4;

    [PythonScipyFact]
    public void CorrelatedGaussianFeaturesMatchScipy()
    {
        using var f = FidTests.CorrelatedFeatures(1500, 32, seed: 11);
        using var g = FidTests.CorrelatedFeatures(1000, 32, seed: 12, shift: 0.05);
        AssertMatchesScipy(f, g);
    }

    [PythonScipyFact]
    public void ClassifierFeaturesOfTrainAndTestMatchScipy()
    {
        // The features FID is used on: the shipped classifier's penultimate layer (ReLU outputs, some
        // nearly always zero, so the covariances are close to singular).
        using var classifier = EvaluationClassifier.Load();
        using var train = datasets.MNIST(train: true);
        using var test = datasets.MNIST(train: false);
        using var trainImages = train.Images.narrow(0, 0, 3000);
        using var f = classifier.Features(trainImages);
        using var g = classifier.Features(test.Images);
        AssertMatchesScipy(f, g);
    }

    [PythonScipyFact]
    public void NearlyIdenticalSetsMatchScipy()
    {
        // A small FID (one feature set slightly perturbed) is where the cancellation in the trace term is worst.
        using var f = FidTests.CorrelatedFeatures(1200, 16, seed: 13);
        manual_seed(14);
        using var noise = randn(1200, 16);
        using var g = f + noise * 0.05;
        AssertMatchesScipy(f, g);
    }

    private static void AssertMatchesScipy(Tensor f, Tensor g)
    {
        using var folder = new TempFolder();
        var d = f.size(1);
        WriteFloat64(f, folder.File("f.bin"));
        WriteFloat64(g, folder.File("g.bin"));
        var script = Path.Combine(AppContext.BaseDirectory, "Metrics", "fid_scipy.py");
        var (code, output) = PythonScipyFactAttribute.Run(
            [script, folder.File("f.bin"), folder.File("g.bin"), d.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"fid_scipy.py failed ({code}): {output}");
        var expected = double.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
        var actual = Fid.Compute(f, g);
        Assert.True(Math.Abs(actual - expected) <= Relative * Math.Abs(expected),
            $"CourseKit FID {actual:R}, SciPy FID {expected:R}: relative difference {Math.Abs(actual - expected) / Math.Abs(expected):E2} > {Relative:E0}");
    }

    /// <summary>Writes a matrix as float64 little-endian values, row-major (what fid_scipy.py reads).</summary>
    private static void WriteFloat64(Tensor x, string path)
    {
        using var cpu = x.to(float64, CPU);
        var values = cpu.ToArray<double>();
        var bytes = new byte[values.Length * sizeof(double)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }
}
