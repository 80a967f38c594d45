using System.Buffers.Binary;
using System.Security.Cryptography;
using CourseKit.Data;

namespace CourseKit.Tests.Data;

/// <summary>The datasets in the repository's datasets/ folder, against the numbers in datasets/README.md.</summary>
public sealed class ShippedDatasetTests
{
    /// <summary>SHA-256 of the decompressed IDX contents, from the table in datasets/README.md.</summary>
    public static TheoryData<string, string> DecompressedSha256 => new()
    {
        { "mnist/train-images-idx3-ubyte.gz", "ae09f1e79cedbc38525efa8a5a2248782c2aa33e546dca5e93c0a9cb68dbf0fb" },
        { "mnist/train-labels-idx1-ubyte.gz", "666b49fd46ea59bbf16b2b0b1686cd4765fc51d65f028443ea20806a016c23dc" },
        { "mnist/t10k-images-idx3-ubyte.gz", "b890d1dd5d100e062eeb6abdd9450b4436b9f5caa41fbd182ae273be527e8a01" },
        { "mnist/t10k-labels-idx1-ubyte.gz", "7f4adee0ee890985e8588d44bc7afce15af3715eb013c429d38451d380783b07" },
        { "fashion-mnist/train-images-idx3-ubyte.gz", "0dfc488352bbffcd6fd1dbc2f627962f74e5d9aedcc2165a52c02dcef1d456a5" },
        { "fashion-mnist/train-labels-idx1-ubyte.gz", "e6ed2bcb212ee42b1166ad099badea0494f50f5ddd91116aa3ba48f3648a9aa4" },
        { "fashion-mnist/t10k-images-idx3-ubyte.gz", "d95aebe6a8686d790e57edc1db55dc003a1cd2cac102ae08e7202b47d8758080" },
        { "fashion-mnist/t10k-labels-idx1-ubyte.gz", "89d0dad525149b09707e5caae0905ee168308399645d6cb5c26923e818e8e7c7" },
    };

    /// <summary>Per-class counts 0..9, from the table in datasets/README.md.</summary>
    public static TheoryData<bool, bool, long[]> ClassCounts => new()
    {
        { false, true, [801, 902, 793, 826, 784, 690, 811, 856, 755, 782] },
        { false, false, [200, 225, 198, 206, 196, 173, 203, 214, 189, 196] },
        { true, true, [800, 800, 800, 800, 800, 800, 800, 800, 800, 800] },
        { true, false, [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
    };

    [Theory]
    [MemberData(nameof(DecompressedSha256))]
    public void EveryFilePassesItsChecksumAndDecodesToTheDocumentedContents(string relative, string sha256)
    {
        var root = Datasets.Root;
        Assert.True(Checksums.Verify(root, relative));

        var idx = Idx.Read(Path.Combine(root, relative));

        // Re-encode what was read: the bytes must be exactly the decompressed file.
        var header = new byte[4 + 4 * idx.Shape.Length];
        header[2] = (byte)idx.Type;
        header[3] = (byte)idx.Shape.Length;
        for (var d = 0; d < idx.Shape.Length; d++) BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4 + 4 * d), (uint)idx.Shape[d]);
        var contents = header.Concat(idx.As<byte>()).ToArray();
        Assert.Equal(sha256, Convert.ToHexString(SHA256.HashData(contents)).ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(ClassCounts))]
    public void SplitsHaveDocumentedSizesShapesAndRanges(bool fashion, bool train, long[] perClass)
    {
        using var ds = fashion ? datasets.FashionMNIST(train: train) : datasets.MNIST(train: train);
        var n = train ? 8000 : 2000;

        Assert.Equal(n, ds.Count);
        Assert.Equal(train, ds.Train);
        Assert.Equal(new long[] { n, 1, 28, 28 }, ds.Images.shape);
        Assert.Equal(ScalarType.Float32, ds.Images.dtype);
        Assert.Equal(new long[] { n }, ds.Labels.shape);
        Assert.Equal(ScalarType.Int64, ds.Labels.dtype);

        var labels = ds.Labels.ToArray<long>();
        Assert.All(labels, l => Assert.InRange(l, 0, 9));
        Assert.Equal(perClass, Enumerable.Range(0, 10).Select(c => labels.LongCount(l => l == c)).ToArray());

        // Pixels are k / 255 for integers k: exact at float32 tolerance, 0 and 1 both present.
        var pixels = ds.Images.ToArray<float>();
        Assert.Equal(0f, pixels.Min());
        Assert.Equal(1f, pixels.Max());
        Assert.All(pixels.Take(50_000), p => Assert.Equal(Math.Round(p * 255.0), p * 255.0, 1e-3));
    }

    [Fact]
    public void ImagesMatchTheRawBytesDividedBy255()
    {
        using var ds = datasets.MNIST(train: false);
        var raw = Idx.Read(Path.Combine(Datasets.Root, "mnist/t10k-images-idx3-ubyte.gz")).As<byte>();
        var pixels = ds.Images.ToArray<float>();
        Assert.Equal(raw.Length, pixels.Length);
        for (var i = 0; i < raw.Length; i++) Assert.Equal(raw[i] / 255f, pixels[i], 1e-7f);
        var labels = Idx.Read(Path.Combine(Datasets.Root, "mnist/t10k-labels-idx1-ubyte.gz")).As<byte>();
        Assert.Equal(labels.Select(l => (long)l), ds.Labels.ToArray<long>());
    }

    [Fact]
    public void ClassNames()
    {
        using var digits = datasets.MNIST(train: false);
        using var fashion = datasets.FashionMNIST(train: false);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], digits.Classes);
        Assert.Equal(
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            fashion.Classes);
        Assert.Equal("MNIST", digits.Name);
        Assert.Equal("FashionMNIST", fashion.Name);
        Assert.Equal("FashionMNIST test: 2000 examples, images [2000, 1, 28, 28], 10 classes", fashion.ToString());
    }

    [Fact]
    public void DatasetTensorsOutliveTheDisposeScopeTheyWereLoadedIn()
    {
        MnistDataset ds;
        using (NewDisposeScope()) ds = datasets.MNIST(train: false);
        using (ds)
        {
            Assert.False(ds.Images.IsInvalid);
            Assert.Equal(2000, ds.Labels.size(0));
        }
        Assert.True(ds.Images.IsInvalid);
        Assert.True(ds.Labels.IsInvalid);
    }

    [Fact]
    public void RootIsTheRepositoryDatasetsFolder()
    {
        var root = Datasets.Root;
        Assert.Equal("datasets", Path.GetFileName(root));
        Assert.True(File.Exists(Path.Combine(root, "checksums.sha256")));
        Assert.True(File.Exists(Path.Combine(root, "README.md")));
    }
}
