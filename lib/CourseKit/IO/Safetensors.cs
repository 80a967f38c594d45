using System.Buffers.Binary;
using System.Runtime.InteropServices;
using CourseKit.IO;
using CourseKit.Native;
using static CourseKit.torch;

namespace CourseKit;

/// <summary>
/// Reads and writes the safetensors format (https://github.com/huggingface/safetensors#format),
/// which PyTorch, JAX and Hugging Face tools read and which, unlike pickle checkpoints, cannot run
/// code when loaded:
/// <code>
/// [8 bytes]  N, the header length, unsigned little-endian
/// [N bytes]  UTF-8 JSON: {"__metadata__": {str: str}, name: {"dtype": "F32", "shape": [2, 3], "data_offsets": [b, e]}, ...}
/// [rest]     the tensors' bytes, little-endian, row-major, packed back to back (offsets count from here)
/// </code>
/// Dtypes: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL. GPU tensors are copied to the CPU
/// to be written; tensors are read onto the CPU. Files are validated completely: a corrupt or
/// truncated file raises <see cref="InvalidDataException"/> naming the file and the problem.
/// For files on disk use <see cref="torch.save"/> and <see cref="torch.load"/>.
/// </summary>
public static class Safetensors
{
    private const int Chunk = 1 << 24;

    /// <summary>Writes <paramref name="tensors"/> (in their order) and optional string <paramref name="metadata"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> tensors,
        IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        RequireLittleEndian();
        var items = tensors.ToArray();
        var entries = new List<SafetensorsEntry>(items.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        long offset = 0;
        foreach (var (name, t) in items)
        {
            if (string.IsNullOrEmpty(name) || name == SafetensorsHeader.MetadataKey)
                throw new ArgumentException($"Safetensors.Write: '{name}' cannot name a tensor");
            if (!names.Add(name))
                throw new ArgumentException($"Safetensors.Write: the name '{name}' appears twice");
            if (t is null || t.IsInvalid)
                throw new ArgumentException($"Safetensors.Write: tensor '{name}' is {(t is null ? "null" : "disposed")}");
            var dtype = t.dtype;
            var shape = t.shape;
            var bytes = shape.Aggregate(1L, (n, s) => n * s) * dtype.ElementSize();
            entries.Add(new SafetensorsEntry(name, dtype, shape, offset, offset + bytes));
            offset += bytes;
        }
        var meta = metadata?.ToArray();
        if (meta?.FirstOrDefault(m => m.Value is null) is { Key: { } nullKey, Value: null })
            throw new ArgumentException($"Safetensors.Write: metadata '{nullKey}' has no value (null)");
        var header = SafetensorsHeader.Encode(entries, meta);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        using var buffer = new NativeBuffer(entries.Count == 0 ? 0 : entries.Max(e => e.ByteCount));
        for (var k = 0; k < items.Length; k++)
            buffer.CopyFrom(items[k].Value, entries[k].ByteCount, items[k].Key).WriteTo(stream, entries[k].ByteCount);
    }

    /// <summary>
    /// Reads every tensor from <paramref name="stream"/> (CPU tensors, in data order);
    /// <paramref name="source"/> names the stream in error messages.
    /// </summary>
    public static Dictionary<string, Tensor> Read(Stream stream, string source = "the stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        RequireLittleEndian();
        var (entries, _, dataBytes) = ReadHeader(stream, source);
        var result = new Dictionary<string, Tensor>(entries.Count);
        try
        {
            using var buffer = new NativeBuffer(entries.Count == 0 ? 0 : entries.Max(e => e.ByteCount));
            foreach (var e in entries)
            {
                buffer.ReadFrom(stream, e.ByteCount, source, dataBytes);
                result.Add(e.Name, buffer.ToTensor(e));
            }
            if (!stream.CanSeek && stream.ReadByte() != -1)
                throw SafetensorsHeader.Invalid(source, $"there are bytes after the last tensor (the data should end after {dataBytes} bytes)");
            return result;
        }
        catch
        {
            foreach (var t in result.Values) t.Dispose();
            throw;
        }
    }

    /// <summary>The <c>__metadata__</c> strings of a safetensors file (empty if it has none); the whole header is validated.</summary>
    public static Dictionary<string, string> ReadMetadata(string path)
    {
        using var file = File.OpenRead(path);
        return ReadMetadata(file, path);
    }

    /// <summary>The <c>__metadata__</c> strings read from <paramref name="stream"/>, which is left after the header.</summary>
    public static Dictionary<string, string> ReadMetadata(Stream stream, string source = "the stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadHeader(stream, source).Metadata;
    }

    /// <summary>Reads and validates the length and header; on a seekable stream also checks the data size.</summary>
    private static (List<SafetensorsEntry> Entries, Dictionary<string, string> Metadata, long DataBytes) ReadHeader(Stream stream, string source)
    {
        long? available = stream.CanSeek ? stream.Length - stream.Position : null;
        Span<byte> lengthBytes = stackalloc byte[8];
        var got = stream.ReadAtLeast(lengthBytes, 8, throwOnEndOfStream: false);
        if (got < 8)
            throw SafetensorsHeader.Invalid(source, $"it has {got} bytes, too few for the 8-byte header length");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (available is { } size && headerLength > (ulong)(size - 8))
            throw SafetensorsHeader.Invalid(source, $"the header length {headerLength} is larger than the rest of the file ({size - 8} bytes)");
        if (headerLength > SafetensorsHeader.MaxHeaderBytes)
            throw SafetensorsHeader.Invalid(source, $"the header length {headerLength} exceeds the limit of {SafetensorsHeader.MaxHeaderBytes} bytes");
        var header = new byte[headerLength];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            throw SafetensorsHeader.Invalid(source, $"the file ends inside the {headerLength}-byte header");
        var decoded = SafetensorsHeader.Decode(header, source);
        if (available is { } total)
        {
            var data = total - 8 - (long)headerLength;
            if (data < decoded.DataBytes)
                throw SafetensorsHeader.Invalid(source, $"it is truncated: the tensors need {decoded.DataBytes} bytes of data, the file holds {data}");
            if (data > decoded.DataBytes)
                throw SafetensorsHeader.Invalid(source, $"there are {data - decoded.DataBytes} bytes after the last tensor (the data should end after {decoded.DataBytes} bytes)");
        }
        return decoded;
    }

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors I/O needs a little-endian machine");
    }

    /// <summary>A native staging buffer for one tensor's bytes at a time (tensors may exceed 2 GiB).</summary>
    private sealed unsafe class NativeBuffer : IDisposable
    {
        private readonly byte* data;

        public NativeBuffer(long capacity) => data = (byte*)NativeMemory.Alloc((nuint)Math.Max(capacity, 1));

        /// <summary>Copies the tensor's elements (contiguous, on the CPU) into the buffer.</summary>
        public NativeBuffer CopyFrom(Tensor t, long bytes, string name)
        {
            NativeMethods.Check(NativeMethods.ck_tensor_copy_to(t.Handle, data, bytes), $"Safetensors.Write: copying tensor '{name}'");
            return this;
        }

        public void WriteTo(Stream stream, long bytes)
        {
            for (long done = 0; done < bytes; done += Chunk)
                stream.Write(new ReadOnlySpan<byte>(data + done, (int)Math.Min(Chunk, bytes - done)));
        }

        public void ReadFrom(Stream stream, long bytes, string source, long dataBytes)
        {
            for (long done = 0; done < bytes;)
            {
                var n = stream.Read(new Span<byte>(data + done, (int)Math.Min(Chunk, bytes - done)));
                if (n == 0)
                    throw SafetensorsHeader.Invalid(source, $"it is truncated: the data ends before the {dataBytes} bytes the tensors need");
                done += n;
            }
        }

        public Tensor ToTensor(SafetensorsEntry e)
        {
            IntPtr handle;
            fixed (long* shape = e.Shape)
                NativeMethods.Check(NativeMethods.ck_tensor_from_data(data, (int)e.DType, shape, e.Shape.Length, 0, -1, out handle),
                    $"Safetensors.Read: creating tensor '{e.Name}'");
            return new Tensor(handle);
        }

        public void Dispose() => NativeMemory.Free(data);
    }
}
