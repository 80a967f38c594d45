using System.Buffers.Binary;
using CourseKit.Data;

namespace CourseKit.Tests.Data;

public sealed class IdxTests : IDisposable
{
    private readonly IdxTestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UnsignedBytesRoundTripRawAndGzip(bool gzip)
    {
        var pixels = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 11)).ToArray();   // 0..253
        var path = files.Write(gzip ? "u8.idx.gz" : "u8.idx", IdxTestFiles.Encode(0x08, [2, 3, 4], pixels), gzip);

        var idx = Idx.Read(path);

        Assert.Equal(IdxType.UByte, idx.Type);
        Assert.Equal(new long[] { 2, 3, 4 }, idx.Shape);
        Assert.Equal(pixels, idx.As<byte>());
        using var t = idx.ToTensor();
        Assert.Equal(ScalarType.Byte, t.dtype);
        Assert.Equal(new long[] { 2, 3, 4 }, t.shape);
        Assert.Equal(pixels, t.ToArray<byte>());
    }

    [Fact]
    public void GzipIsRecognisedByMagicBytesNotByName()
    {
        var data = new byte[] { 1, 2, 3 };
        var raw = files.Write("raw-named.gz", IdxTestFiles.Encode(0x08, [3], data));
        var zipped = files.Write("zipped-without-extension", IdxTestFiles.Encode(0x08, [3], data), gzip: true);
        Assert.Equal(data, Idx.Read(raw).As<byte>());
        Assert.Equal(data, Idx.Read(zipped).As<byte>());
    }

    [Fact]
    public void FloatsAreReadBigEndian()
    {
        float[] values = [0f, -1.5f, 3.25e-8f, float.MaxValue, float.NegativeInfinity, 1f / 3];
        var bytes = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(4 * i), values[i]);
        var path = files.Write("f32.idx.gz", IdxTestFiles.Encode(0x0D, [2, 3], bytes), gzip: true);

        var idx = Idx.Read(path);

        Assert.Equal(IdxType.Float, idx.Type);
        Assert.Equal(new long[] { 2, 3 }, idx.Shape);
        Assert.Equal(values, idx.As<float>());
        using var t = idx.ToTensor();
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(values, t.ToArray<float>());
    }

    [Fact]
    public void SignedAndWiderTypesAreReadBigEndian()
    {
        sbyte[] i8 = [-128, -1, 0, 127];
        short[] i16 = [short.MinValue, -2, 0x0102, short.MaxValue];
        int[] i32 = [int.MinValue, -3, 0x01020304, int.MaxValue];
        double[] f64 = [-0.0, Math.PI, double.Epsilon, -1e300];
        byte[] b16 = new byte[8], b32 = new byte[16], b64 = new byte[32];
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(b16.AsSpan(2 * i), i16[i]);
            BinaryPrimitives.WriteInt32BigEndian(b32.AsSpan(4 * i), i32[i]);
            BinaryPrimitives.WriteDoubleBigEndian(b64.AsSpan(8 * i), f64[i]);
        }

        Assert.Equal(i8, Idx.Read(files.Write("i8.idx", IdxTestFiles.Encode(0x09, [4], i8.Select(v => (byte)v).ToArray()))).As<sbyte>());
        Assert.Equal(i16, Idx.Read(files.Write("i16.idx", IdxTestFiles.Encode(0x0B, [4], b16))).As<short>());
        Assert.Equal(i32, Idx.Read(files.Write("i32.idx", IdxTestFiles.Encode(0x0C, [2, 2], b32))).As<int>());
        var doubles = Idx.Read(files.Write("f64.idx", IdxTestFiles.Encode(0x0E, [1, 4], b64)));
        Assert.Equal(IdxType.Double, doubles.Type);
        Assert.Equal(f64, doubles.As<double>());
        using var t = doubles.ToTensor();
        Assert.Equal(ScalarType.Float64, t.dtype);
        Assert.Equal(new long[] { 1, 4 }, t.shape);
    }

    [Fact]
    public void EmptyArrayReads()
    {
        var idx = Idx.Read(files.Write("empty.idx", IdxTestFiles.Encode(0x08, [0, 28, 28], [])));
        Assert.Equal(new long[] { 0, 28, 28 }, idx.Shape);
        Assert.Empty(idx.As<byte>());
    }

    [Fact]
    public void WrongTypeParameterNamesStoredType()
    {
        var idx = Idx.Read(files.Write("u8.idx", IdxTestFiles.Encode(0x08, [1], [7])));
        var e = Assert.Throws<InvalidCastException>(() => idx.As<float>());
        Assert.Contains("UByte", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x1f, 0x00, 0x08, 0x01 }, "bad magic number 1F000801")]
    [InlineData(new byte[] { 0x00, 0x00, 0x07, 0x01 }, "bad magic number 00000701")]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x00 }, "0 dimensions")]
    [InlineData(new byte[] { 0x00, 0x00 }, "truncated: it holds 2 bytes")]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x02, 0x00, 0x00, 0x00, 0x01 }, "truncated header")]
    public void BadHeaderNamesFileAndProblem(byte[] contents, string problem)
    {
        var path = files.Write("bad.idx", contents);
        var e = Assert.Throws<InvalidDataException>(() => Idx.Read(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedDataNamesFileAndSizes(bool gzip)
    {
        var path = files.Write("short.idx", IdxTestFiles.Encode(0x08, [2, 28, 28], new byte[1000]), gzip);
        var e = Assert.Throws<InvalidDataException>(() => Idx.Read(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains("truncated data", e.Message);
        Assert.Contains("[2, 28, 28]", e.Message);
        Assert.Contains("1568 data bytes", e.Message);
        Assert.Contains("only 1000", e.Message);
    }

    [Fact]
    public void TruncatedGzipStreamNamesFile()
    {
        var whole = files.Write("whole.gz", IdxTestFiles.Encode(0x08, [100, 28, 28], RandomBytes(78400)), gzip: true);
        var bytes = File.ReadAllBytes(whole);
        var cut = files.Write("cut.gz", bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => Idx.Read(cut));
        Assert.StartsWith(cut, e.Message);
    }

    [Fact]
    public void CorruptGzipDataNamesFile()
    {
        var whole = files.Write("whole.gz", IdxTestFiles.Encode(0x08, [100, 28, 28], RandomBytes(78400)), gzip: true);
        var bytes = File.ReadAllBytes(whole);
        for (var i = 20; i < 60; i++) bytes[i] = 0xff;
        var corrupt = files.Write("corrupt.gz", bytes);
        var e = Assert.Throws<InvalidDataException>(() => Idx.Read(corrupt));
        Assert.StartsWith(corrupt, e.Message);
    }

    [Fact]
    public void TrailingBytesNameFileAndCount()
    {
        var contents = IdxTestFiles.Encode(0x08, [3], [1, 2, 3]).Concat(new byte[] { 9, 9 }).ToArray();
        var path = files.Write("long.idx", contents);
        var e = Assert.Throws<InvalidDataException>(() => Idx.Read(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains("2 trailing bytes", e.Message);
    }

    [Fact]
    public void MissingFileNamesFullPathAndDatasetsFolder()
    {
        var missing = Path.Combine(files.Folder, "nowhere", "train-images-idx3-ubyte.gz");
        var e = Assert.Throws<FileNotFoundException>(() => Idx.Read(missing));
        Assert.Equal(missing, e.FileName);
        Assert.Contains(missing, e.Message);
        Assert.Contains("datasets/", e.Message);
        Assert.Contains(Datasets.EnvironmentVariable, e.Message);
    }

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        new Random(5).NextBytes(bytes);
        return bytes;
    }
}
