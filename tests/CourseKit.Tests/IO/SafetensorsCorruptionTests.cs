using System.Buffers.Binary;
using System.Text;

namespace CourseKit.Tests.IO;

/// <summary>Damaged files raise InvalidDataException naming the file and the problem, and create no tensors.</summary>
public sealed class SafetensorsCorruptionTests
{
    /// <summary>A file of an 8-byte length <paramref name="declaredLength"/> (default: the header's), the header and <paramref name="dataBytes"/> bytes.</summary>
    private static byte[] Craft(string header, int dataBytes, ulong? declaredLength = null) =>
        Craft(Encoding.UTF8.GetBytes(header), dataBytes, declaredLength);

    private static byte[] Craft(byte[] json, int dataBytes, ulong? declaredLength = null)
    {
        var bytes = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredLength ?? (ulong)json.Length);
        json.CopyTo(bytes, 8);
        return bytes;
    }

    private const string Good = """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I64","shape":[1],"data_offsets":[8,16]}}""";

    public static TheoryData<string, byte[], string> Cases => new()
    {
        { "empty file", [], "too few for the 8-byte header length" },
        { "short file", [1, 0, 0], "too few for the 8-byte header length" },
        { "header longer than file", Craft(Good, 16, declaredLength: 5000), "header length 5000 is larger than the rest of the file" },
        { "absurd header length", Craft(Good, 16, declaredLength: ulong.MaxValue), "larger than the rest of the file" },
        { "not json", Craft("{\"a\": [1, 2", 0), "not valid JSON" },
        { "not an object", Craft("[1, 2]   ", 0), "does not start with '{'" },
        { "invalid utf-8", Craft([.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8], 0), "not valid UTF-8" },
        { "invalid utf-8 name", Craft([.. "{\""u8, 0xFF, .. "\":{}}"u8], 0), "not valid UTF-8" },
        { "unknown dtype", Craft("""{"a":{"dtype":"F8","shape":[2],"data_offsets":[0,2]}}""", 2), "unknown dtype \"F8\"" },
        { "missing shape", Craft("""{"a":{"dtype":"F32","data_offsets":[0,4]}}""", 4), "no \"shape\" array" },
        { "negative dim", Craft("""{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}""", 4), "not non-negative integers" },
        { "three offsets", Craft("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}}""", 4), "[begin, end]" },
        { "reversed offsets", Craft("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}""", 4), "end before they begin" },
        { "size mismatch", Craft("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8), "needs 12 bytes but data_offsets [0, 8] hold 8" },
        { "overlap", Craft("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12), "overlaps" },
        { "gap", Craft("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8), "belong to no tensor" },
        { "out of range", Craft("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", 8), "truncated" },
        { "truncated data", Craft(Good, 15), "truncated: the tensors need 16 bytes of data, the file holds 15" },
        { "trailing garbage", Craft(Good, 17), "1 bytes after the last tensor" },
        { "duplicate name", Craft("""{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}""", 2), "names 'a' twice" },
        { "metadata not strings", Craft("""{"__metadata__":{"epoch":3}}""", 0), "must be a string" },
        { "entry not an object", Craft("""{"a":3}""", 0), "must be an object" },
        { "huge shape", Craft("""{"a":{"dtype":"F64","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", 8), "too large" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DamagedFileIsRejectedWithItsPath(string what, byte[] content, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File(what.Replace(' ', '_') + ".safetensors");
        File.WriteAllBytes(path, content);
        using var scope = NewDisposeScope();
        var e = Assert.Throws<InvalidDataException>(() => load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Equal(0, scope.Count);
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => Safetensors.ReadMetadata(path)).Message);
    }

    [Fact]
    public void TheGoodFileOfTheseCasesLoads()
    {
        using var folder = new TempFolder();
        var path = folder.File("good.safetensors");
        File.WriteAllBytes(path, Craft(Good, 16));
        using var scope = NewDisposeScope();
        var loaded = load(path);
        Assert.Equal(new[] { "a", "b" }, loaded.Keys);
        Assert.Equal(new float[] { 0, 0 }, loaded["a"].ToArray<float>());
    }
}
