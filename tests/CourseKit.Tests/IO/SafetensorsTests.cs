using System.Buffers.Binary;
using System.Text;

namespace CourseKit.Tests.IO;

public sealed class SafetensorsTests
{
    /// <summary>One tensor of every dtype, plus a 0-dim, an empty and a non-contiguous one.</summary>
    private static Dictionary<string, Tensor> Sample()
    {
        double[] six = [-3, -1.5, 0, 0.25, 2, 7];
        return new Dictionary<string, Tensor>
        {
            ["f64"] = tensor(new[] { Math.PI, -1e300, 1e-300, 0, double.PositiveInfinity, -0.0 }, [2, 3], dtype: float64),
            ["f32"] = tensor(six, [3, 2], dtype: float32),
            ["f16"] = tensor(six, [6], dtype: float16),
            ["bf16"] = tensor(six, [1, 2, 3], dtype: bfloat16),
            ["i64"] = tensor(new[] { long.MinValue, -1, 0, 1, long.MaxValue, 42 }, [6], dtype: int64),
            ["i32"] = tensor(new[] { int.MinValue, -7, 0, 9, int.MaxValue, 3 }, [2, 3], dtype: int32),
            ["i16"] = tensor(new short[] { short.MinValue, -7, 0, 9, short.MaxValue, 3 }, [6], dtype: int16),
            ["i8"] = tensor(new sbyte[] { sbyte.MinValue, -7, 0, 9, sbyte.MaxValue, 3 }, [6], dtype: int8),
            ["u8"] = tensor(new byte[] { 0, 1, 127, 128, 254, 255 }, [3, 2], dtype: uint8),
            ["bool"] = tensor(new[] { true, false, false, true, true, false }, [2, 3]),
            ["scalar"] = tensor(2.5),
            ["empty"] = zeros([0, 4]),
            ["transposed"] = arange(12).reshape(3, 4).t(),
        };
    }

    /// <summary>Same dtype, shape and bits (int64 compared as is, every other dtype through float64, which holds it exactly).</summary>
    internal static void AssertSame(Tensor expected, Tensor actual, string name)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(Bits(expected), Bits(actual));

        static long[] Bits(Tensor t)
        {
            if (t.dtype == int64) return t.ToArray<long>();
            using var d = t.to(float64);
            return d.ToArray<double>().Select(BitConverter.DoubleToInt64Bits).ToArray();
        }
    }

    [Fact]
    public void EveryDtypeRoundTripsThroughAFile()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        var path = folder.File("all.safetensors");
        var tensors = Sample();
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "Grüße, \"quoted\"" };
        save(tensors, path, metadata);
        var loaded = load(path);
        Assert.Equal(tensors.Keys, loaded.Keys);
        foreach (var (name, t) in tensors) AssertSame(t, loaded[name], name);
        Assert.Equal(metadata, Safetensors.ReadMetadata(path));
        Assert.Equal(new[] { "all.safetensors" }, Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void HeaderIsPaddedToEightBytesAndDataPacked()
    {
        using var scope = NewDisposeScope();
        using var stream = new MemoryStream();
        Safetensors.Write(stream, new Dictionary<string, Tensor> { ["a"] = ones(3), ["b"] = zeros([2], dtype: int16) });
        var bytes = stream.ToArray();
        var n = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, n % 8);
        Assert.Equal(8 + n + 12 + 4, bytes.Length);
        var header = Encoding.UTF8.GetString(bytes, 8, (int)n);
        Assert.StartsWith("{", header);
        Assert.Contains("\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}", header);
        Assert.Contains("\"b\":{\"dtype\":\"I16\",\"shape\":[2],\"data_offsets\":[12,16]}", header);
    }

    [Fact]
    public void ReadsNonSeekableStreams()
    {
        using var scope = NewDisposeScope();
        using var buffer = new MemoryStream();
        var tensors = Sample();
        Safetensors.Write(buffer, tensors);
        using var forwardOnly = new ForwardOnlyStream(buffer.ToArray());
        var loaded = Safetensors.Read(forwardOnly);
        foreach (var (name, t) in tensors) AssertSame(t, loaded[name], name);

        using var withGarbage = new ForwardOnlyStream([.. buffer.ToArray(), 0]);
        Assert.Contains("after the last tensor", Assert.Throws<InvalidDataException>(() => Safetensors.Read(withGarbage, "stream X")).Message);
        using var cut = new ForwardOnlyStream(buffer.ToArray()[..^1]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => Safetensors.Read(cut, "stream X")).Message);
    }

    [Fact]
    public void EmptyDictionaryRoundTrips()
    {
        using var folder = new TempFolder();
        var path = folder.File("empty.safetensors");
        save(new Dictionary<string, Tensor>(), path);
        Assert.Empty(load(path));
        Assert.Empty(Safetensors.ReadMetadata(path));
    }

    [Fact]
    public void SaveOverwritesAnExistingFile()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        var path = folder.File("w.safetensors");
        save(new Dictionary<string, Tensor> { ["w"] = ones(2) }, path);
        save(new Dictionary<string, Tensor> { ["w"] = full([3], 4.0) }, path);
        Assert.Equal(new float[] { 4, 4, 4 }, load(path)["w"].ToArray<float>());
    }

    [Fact]
    public void FailedSaveLeavesNoFileAndKeepsTheOldOne()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        var path = folder.File("model.safetensors");
        var disposed = ones(4);
        disposed.Dispose();
        var broken = new Dictionary<string, Tensor> { ["ok"] = ones(1000), ["gone"] = disposed };

        var e = Assert.Throws<ArgumentException>(() => save(broken, path));
        Assert.Contains("'gone'", e.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));

        save(new Dictionary<string, Tensor> { ["ok"] = ones(2) }, path);
        Assert.Throws<ArgumentException>(() => save(broken, path));
        Assert.Equal(new[] { path }, Directory.GetFiles(folder.Path));
        Assert.Equal(new float[] { 1, 1 }, load(path)["ok"].ToArray<float>());
    }

    [Fact]
    public void WrongNamesAreRejected()
    {
        using var scope = NewDisposeScope();
        using var stream = new MemoryStream();
        Assert.Throws<ArgumentException>(() => Safetensors.Write(stream, new Dictionary<string, Tensor> { ["__metadata__"] = ones(1) }));
        Assert.Throws<ArgumentException>(() => Safetensors.Write(stream, new Dictionary<string, Tensor> { [""] = ones(1) }));
    }

    /// <summary>A stream that can only be read forwards, as a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream inner = new(data);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 5));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
