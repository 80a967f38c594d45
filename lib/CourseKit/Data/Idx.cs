using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace CourseKit.Data;

/// <summary>
/// Reads IDX files, the format of the MNIST database (LeCun, Cortes and Burges,
/// http://yann.lecun.com/exdb/mnist/): a magic number (two zero bytes, a type code
/// <see cref="IdxType"/>, the number of dimensions), one big-endian uint32 per dimension,
/// then the values in row-major order, big-endian. Files may be gzip-compressed, as the
/// MNIST and Fashion-MNIST downloads are.
/// </summary>
public static class Idx
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];

    /// <summary>
    /// Reads the IDX file at <paramref name="path"/>, raw or gzip-compressed. Compression is
    /// recognised by the gzip magic bytes <c>1f 8b</c>, not by the name, so a raw file called
    /// <c>.gz</c> (some browsers unpack downloads) still reads. The full 60,000-image MNIST
    /// reads the same way as the shipped subsets.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// Bad magic number, truncated header or data, bytes after the data, or corrupt gzip data;
    /// the message names the file.
    /// </exception>
    public static IdxArray Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException(
                $"IDX file not found: {full}. The datasets shipped with CourseKit are in the datasets/ folder at the root " +
                $"of the repository, which Datasets.Root finds (or set the {Datasets.EnvironmentVariable} environment variable " +
                "to that folder); a dataset of your own can be read from any path.", full);

        using var file = File.OpenRead(full);
        Span<byte> start = stackalloc byte[2];
        var compressed = file.Read(start) == 2 && start.SequenceEqual(GzipMagic);
        file.Position = 0;
        using var stream = compressed ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        return Parse(stream, full);
    }

    private static IdxArray Parse(Stream stream, string path)
    {
        Span<byte> magic = stackalloc byte[4];
        var got = ReadFully(stream, magic, path);
        if (got < 4)
            throw Bad(path, $"truncated: it holds {got} bytes, but an IDX file starts with a 4-byte magic number");
        var type = (IdxType)magic[2];
        if (magic[0] != 0 || magic[1] != 0 || !Enum.IsDefined(type))
            throw Bad(path, $"not an IDX file: bad magic number {Convert.ToHexString(magic)} (expected 0000, a type code " +
                            "08 ubyte, 09 sbyte, 0B short, 0C int, 0D float or 0E double, and the number of dimensions)");
        int ndims = magic[3];
        if (ndims == 0)
            throw Bad(path, "the magic number declares 0 dimensions; an IDX array has at least one");

        var dims = new byte[4 * ndims];
        got = ReadFully(stream, dims, path);
        if (got < dims.Length)
            throw Bad(path, $"truncated header: {ndims} dimension sizes ({dims.Length} bytes) declared, {got} bytes present");
        var shape = new long[ndims];
        long count = 1;
        for (var d = 0; d < ndims; d++)
        {
            shape[d] = BinaryPrimitives.ReadUInt32BigEndian(dims.AsSpan(4 * d));
            count = count == 0 || shape[d] <= Array.MaxLength / count ? count * shape[d] : long.MaxValue;
        }
        if (count > Array.MaxLength)
            throw Bad(path, $"shape [{string.Join(", ", shape)}] has more elements than one .NET array can hold ({Array.MaxLength})");

        Array data = type switch
        {
            IdxType.UByte => ReadValues<byte>(stream, count, path, type, shape),
            IdxType.SByte => ReadValues<sbyte>(stream, count, path, type, shape),
            IdxType.Short => ReadValues<short>(stream, count, path, type, shape),
            IdxType.Int => ReadValues<int>(stream, count, path, type, shape),
            IdxType.Float => ReadValues<float>(stream, count, path, type, shape),
            _ => ReadValues<double>(stream, count, path, type, shape),
        };
        return new IdxArray(type, shape, data);
    }

    private static T[] ReadValues<T>(Stream stream, long count, string path, IdxType type, long[] shape) where T : unmanaged
    {
        var values = new T[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        var got = ReadFully(stream, bytes, path);
        var declared = $"shape [{string.Join(", ", shape)}] of {type} ({bytes.Length} data bytes after the header)";
        if (got < bytes.Length)
            throw Bad(path, $"truncated data: the header declares {declared}, only {got} data bytes are present");

        Span<byte> rest = stackalloc byte[4096];
        long trailing = 0;
        for (int n; (n = ReadFully(stream, rest, path)) > 0;) trailing += n;
        if (trailing > 0)
            throw Bad(path, $"{trailing} trailing bytes after the data: the header declares {declared}");

        if (BitConverter.IsLittleEndian) ToMachineOrder(values);
        return values;
    }

    /// <summary>IDX values are big-endian; swaps each value's bytes in place.</summary>
    private static void ToMachineOrder<T>(T[] values) where T : unmanaged
    {
        switch (values)
        {
            case short[] s: BinaryPrimitives.ReverseEndianness(s, s); break;
            case int[] i: BinaryPrimitives.ReverseEndianness(i, i); break;
            case float[] f:
                var fi = MemoryMarshal.Cast<float, int>(f.AsSpan());
                BinaryPrimitives.ReverseEndianness(fi, fi);
                break;
            case double[] d:
                var dl = MemoryMarshal.Cast<double, long>(d.AsSpan());
                BinaryPrimitives.ReverseEndianness(dl, dl);
                break;
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the byte count.</summary>
    private static int ReadFully(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw Bad(path, $"the gzip data is corrupt ({e.Message})");
        }
    }

    private static InvalidDataException Bad(string path, string problem) => new($"{path}: {problem}");
}
