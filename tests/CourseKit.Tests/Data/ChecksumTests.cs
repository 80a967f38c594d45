using CourseKit.Data;

namespace CourseKit.Tests.Data;

public sealed class ChecksumTests : IDisposable
{
    private const string TrainImages = "mnist/train-images-idx3-ubyte.gz";
    private const string ShippedDigest = "4403b7021d838e136e82a0f05440c4ad56b9390d3e93d25015c1a47084b9fe0a";
    private readonly IdxTestFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>A copy of the shipped MNIST folder and checksum list in the temporary folder.</summary>
    private void CopyShippedMnist()
    {
        Directory.CreateDirectory(files.PathOf("mnist"));
        foreach (var relative in new[] { "checksums.sha256", TrainImages, "mnist/train-labels-idx1-ubyte.gz" })
            File.Copy(Path.Combine(Datasets.Root, relative), files.PathOf(relative));
    }

    [Fact]
    public void ListParsesAllEightShippedFiles()
    {
        var sums = Checksums.Read(Path.Combine(Datasets.Root, Checksums.FileName));
        Assert.Equal(8, sums.Count);
        Assert.Equal(ShippedDigest, sums[TrainImages]);
        Assert.Equal(ShippedDigest, Checksums.Sha256(Path.Combine(Datasets.Root, TrainImages)));
    }

    [Fact]
    public void TamperedCopyFailsNamingFileAndBothDigests()
    {
        CopyShippedMnist();
        var tampered = files.PathOf(TrainImages);
        var bytes = File.ReadAllBytes(tampered);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(tampered, bytes);
        var actual = Checksums.Sha256(tampered);
        Assert.NotEqual(ShippedDigest, actual);

        var e = Assert.Throws<InvalidDataException>(() => Checksums.Verify(files.Folder, TrainImages));
        Assert.Contains(tampered, e.Message);
        Assert.Contains(ShippedDigest, e.Message);
        Assert.Contains(actual, e.Message);

        var viaDataset = Assert.Throws<InvalidDataException>(() => datasets.MNIST(files.Folder));
        Assert.Equal(e.Message, viaDataset.Message);
    }

    [Fact]
    public void UntouchedCopyVerifiesAndLoads()
    {
        CopyShippedMnist();
        Assert.True(Checksums.Verify(files.Folder, TrainImages));
        using var ds = datasets.MNIST(files.Folder);
        Assert.Equal(8000, ds.Count);
    }

    [Fact]
    public void UnlistedFilesAndFoldersWithoutListAreNotChecked()
    {
        files.Write("own.idx", IdxTestFiles.Encode(0x08, [1], [1]));
        Assert.False(Checksums.Verify(files.Folder, "own.idx"));
        File.WriteAllText(files.PathOf(Checksums.FileName), $"{ShippedDigest}  other.gz\n");
        Assert.False(Checksums.Verify(files.Folder, "own.idx"));
    }

    [Fact]
    public void ListAcceptsBinaryMarkerBackslashesAndBlankLines()
    {
        var digest = new string('a', 64);
        var list = files.Write("list.sha256", System.Text.Encoding.UTF8.GetBytes($"{digest} *sub\\a.gz\n\n{digest.ToUpperInvariant()}  ./b.gz\n"));
        var sums = Checksums.Read(list);
        Assert.Equal(digest, sums["sub/a.gz"]);
        Assert.Equal(digest, sums["b.gz"]);
    }

    [Fact]
    public void MalformedListNamesListAndLine()
    {
        var list = files.Write("list.sha256", System.Text.Encoding.UTF8.GetBytes($"{new string('a', 64)}  a.gz\nnot a checksum line\n"));
        var e = Assert.Throws<InvalidDataException>(() => Checksums.Read(list));
        Assert.Contains(list, e.Message);
        Assert.Contains("line 2", e.Message);
    }
}
