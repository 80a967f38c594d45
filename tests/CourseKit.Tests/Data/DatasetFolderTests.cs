using CourseKit.Data;

namespace CourseKit.Tests.Data;

/// <summary>Datasets read from folders other than the shipped one: a user's own files, missing files.</summary>
public sealed class DatasetFolderTests : IDisposable
{
    private readonly IdxTestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void OwnUncompressedFilesWithoutChecksumsLoad()
    {
        // Three 28 x 28 images with pixel values 0, 51 and 255, labels 7, 0, 9, stored raw (no .gz).
        Directory.CreateDirectory(files.PathOf("mnist"));
        var pixels = new byte[3 * 784];
        Array.Fill<byte>(pixels, 51, 784, 784);
        Array.Fill<byte>(pixels, 255, 2 * 784, 784);
        files.Write("mnist/t10k-images-idx3-ubyte", IdxTestFiles.Encode(0x08, [3, 28, 28], pixels));
        files.Write("mnist/t10k-labels-idx1-ubyte", IdxTestFiles.Encode(0x08, [3], [7, 0, 9]));

        using var ds = datasets.MNIST(files.Folder, train: false);

        Assert.Equal(3, ds.Count);
        Assert.Equal(new long[] { 7, 0, 9 }, ds.Labels.ToArray<long>());
        using var means = ds.Images.mean([1L, 2L, 3L]);
        Assert.Equal(new[] { 0f, 0.2f, 1f }, means.ToArray<float>(), (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void MissingFileNamesExpectedPathAndWhereDatasetsLive()
    {
        var e = Assert.Throws<FileNotFoundException>(() => datasets.FashionMNIST(files.Folder));
        var expected = Path.Combine(files.Folder, "fashion-mnist", "train-images-idx3-ubyte.gz");
        Assert.Equal(expected, e.FileName);
        Assert.Contains(expected, e.Message);
        Assert.Contains(Datasets.EnvironmentVariable, e.Message);
    }

    [Fact]
    public void MismatchedImageAndLabelCountsAreReported()
    {
        Directory.CreateDirectory(files.PathOf("mnist"));
        files.Write("mnist/train-images-idx3-ubyte.gz", IdxTestFiles.Encode(0x08, [2, 28, 28], new byte[2 * 784]), gzip: true);
        files.Write("mnist/train-labels-idx1-ubyte.gz", IdxTestFiles.Encode(0x08, [3], [1, 2, 3]), gzip: true);
        var e = Assert.Throws<InvalidDataException>(() => datasets.MNIST(files.Folder));
        Assert.Contains("2 images", e.Message);
        Assert.Contains("3 labels", e.Message);
    }

    [Fact]
    public void LabelOutsideTheClassesIsReported()
    {
        Directory.CreateDirectory(files.PathOf("mnist"));
        files.Write("mnist/train-images-idx3-ubyte.gz", IdxTestFiles.Encode(0x08, [2, 28, 28], new byte[2 * 784]), gzip: true);
        var labels = files.Write("mnist/train-labels-idx1-ubyte.gz", IdxTestFiles.Encode(0x08, [2], [3, 10]), gzip: true);
        var e = Assert.Throws<InvalidDataException>(() => datasets.MNIST(files.Folder));
        Assert.Contains(labels, e.Message);
        Assert.Contains("label 10 at index 1", e.Message);
    }

    [Fact]
    public void ImagesOfTheWrongTypeAreReported()
    {
        Directory.CreateDirectory(files.PathOf("mnist"));
        var images = files.Write("mnist/train-images-idx3-ubyte.gz", IdxTestFiles.Encode(0x0D, [1, 1], new byte[4]), gzip: true);
        files.Write("mnist/train-labels-idx1-ubyte.gz", IdxTestFiles.Encode(0x08, [1], [0]), gzip: true);
        var e = Assert.Throws<InvalidDataException>(() => datasets.MNIST(files.Folder));
        Assert.Contains(images, e.Message);
        Assert.Contains("Float of shape [1, 1]", e.Message);
    }
}
