using System.Buffers.Binary;
using System.IO.Compression;

namespace CourseKit.Tests.Data;

/// <summary>Writes IDX files byte by byte (independently of the reader) into a temporary folder.</summary>
internal sealed class IdxTestFiles : IDisposable
{
    public IdxTestFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "coursekit-data-tests-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Magic (0, 0, type, ndims), big-endian uint32 dimensions, then <paramref name="data"/> (already big-endian).</summary>
    public static byte[] Encode(byte type, uint[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        bytes[2] = type;
        bytes[3] = (byte)dims.Length;
        for (var d = 0; d < dims.Length; d++) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 + 4 * d), dims[d]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    public string Write(string name, byte[] contents, bool gzip = false)
    {
        var path = PathOf(name);
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Optimal);
            zip.Write(contents);
        }
        else
        {
            File.WriteAllBytes(path, contents);
        }
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
