using static CourseKit.torch;

namespace CourseKit.Data;

/// <summary>
/// The image datasets, named as in TorchSharp's <c>torchvision.datasets</c>. Nothing is
/// downloaded: files are read from a datasets folder laid out as
/// <c>root/mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz</c> (and
/// <c>root/fashion-mnist/...</c>), the classic MNIST names; each file may also be stored
/// uncompressed (without <c>.gz</c>). Files listed in <c>root/checksums.sha256</c> are checked
/// first; the full MNIST or Fashion-MNIST placed there under the same names reads unchecked.
/// </summary>
public static class datasets
{
    private static readonly string[] DigitClasses = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Fashion-MNIST's labels 0..9 (Xiao, Rasul and Vollgraf 2017, arXiv:1708.07747).</summary>
    private static readonly string[] FashionClasses =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// MNIST handwritten digits (LeCun, Cortes and Burges). The copy shipped in
    /// <c>datasets/mnist/</c> holds 10,000 real digits: 8,000 train, 2,000 test
    /// (see datasets/README.md).
    /// </summary>
    /// <param name="root">The datasets folder; <see cref="Datasets.Root"/> when null.</param>
    /// <param name="train">The training split (<c>train-*</c>) or the test split (<c>t10k-*</c>).</param>
    public static MnistDataset MNIST(string? root = null, bool train = true) =>
        Load("MNIST", "mnist", root, train, DigitClasses);

    /// <summary>
    /// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, arXiv:1708.07747): greyscale 28 × 28
    /// images of Zalando articles in 10 classes. The copy shipped in
    /// <c>datasets/fashion-mnist/</c> holds 10,000 images, 1,000 per class: 8,000 train,
    /// 2,000 test (see datasets/README.md).
    /// </summary>
    /// <param name="root">The datasets folder; <see cref="Datasets.Root"/> when null.</param>
    /// <param name="train">The training split (<c>train-*</c>) or the test split (<c>t10k-*</c>).</param>
    public static MnistDataset FashionMNIST(string? root = null, bool train = true) =>
        Load("FashionMNIST", "fashion-mnist", root, train, FashionClasses);

    private static MnistDataset Load(string name, string folder, string? root, bool train, string[] classes)
    {
        root = Path.GetFullPath(root ?? Datasets.Root);
        var split = train ? "train" : "t10k";
        var imagesFile = $"{folder}/{split}-images-idx3-ubyte";
        var labelsFile = $"{folder}/{split}-labels-idx1-ubyte";
        var (images, imagesPath) = ReadChecked(root, imagesFile);
        var (labels, labelsPath) = ReadChecked(root, labelsFile);

        if (images.Type != IdxType.UByte || images.Shape.Length != 3)
            throw new InvalidDataException(
                $"{imagesPath}: {name} images must be unsigned bytes of shape (N, H, W), the file holds {images.Type} of shape [{string.Join(", ", images.Shape)}]");
        if (labels.Type != IdxType.UByte || labels.Shape.Length != 1)
            throw new InvalidDataException(
                $"{labelsPath}: {name} labels must be unsigned bytes of shape (N), the file holds {labels.Type} of shape [{string.Join(", ", labels.Shape)}]");
        if (images.Shape[0] != labels.Shape[0])
            throw new InvalidDataException(
                $"{name}: {imagesPath} holds {images.Shape[0]} images but {labelsPath} holds {labels.Shape[0]} labels");
        var labelBytes = labels.As<byte>();
        var outOfRange = Array.FindIndex(labelBytes, l => l >= classes.Length);
        if (outOfRange >= 0)
            throw new InvalidDataException(
                $"{labelsPath}: label {labelBytes[outOfRange]} at index {outOfRange} is not a class index 0..{classes.Length - 1}");

        long n = images.Shape[0], h = images.Shape[1], w = images.Shape[2];
        using var pixels = tensor(images.Data, [n, 1, h, w]);   // (N, 1, H, W) uint8
        using var unit = pixels.to(float32);
        var x = unit.div(255.0);                                 // (N, 1, H, W) float32 in [0, 1]
        using var raw = labels.ToTensor();                       // (N) uint8
        var y = raw.to(int64);                                   // (N) int64
        return new MnistDataset(name, train, x, y, classes);
    }

    /// <summary>Reads root/<paramref name="relative"/>.gz, or the uncompressed file, after its checksum check.</summary>
    private static (IdxArray array, string path) ReadChecked(string root, string relative)
    {
        foreach (var candidate in new[] { relative + ".gz", relative })
        {
            var path = Path.GetFullPath(Path.Combine(root, candidate));
            if (!File.Exists(path)) continue;
            Checksums.Verify(root, candidate);
            return (Idx.Read(path), path);
        }
        var expected = Path.GetFullPath(Path.Combine(root, relative + ".gz"));
        throw new FileNotFoundException(
            $"Dataset file not found: {expected} (nor its uncompressed form without .gz). Datasets are expected in {root}, " +
            $"laid out as <root>/mnist/ and <root>/fashion-mnist/ with the classic MNIST file names. The shipped datasets are " +
            $"in the repository's datasets/ folder; pass its path as root, or set {Datasets.EnvironmentVariable}.", expected);
    }
}
