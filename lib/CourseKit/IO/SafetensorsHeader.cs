using System.Text.Json;
using System.Text.Unicode;
using static CourseKit.torch;

namespace CourseKit.IO;

/// <summary>One tensor's entry in a safetensors header; offsets count from the first data byte.</summary>
internal sealed record SafetensorsEntry(string Name, ScalarType DType, long[] Shape, long Begin, long End)
{
    public long ByteCount => End - Begin;
}

/// <summary>
/// Writes and validates the JSON header of a safetensors file
/// (https://github.com/huggingface/safetensors#format): an object mapping each tensor name to
/// <c>{"dtype", "shape", "data_offsets": [begin, end]}</c>, plus an optional
/// <c>"__metadata__"</c> object of strings. Validation failures throw
/// <see cref="InvalidDataException"/> naming the source (the file).
/// </summary>
internal static class SafetensorsHeader
{
    public const string MetadataKey = "__metadata__";

    /// <summary>Headers above this size are refused (as the reference implementation does): they are corrupt, not real.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    /// <summary>The header bytes, padded with spaces so the data starts at a multiple of 8 bytes.</summary>
    public static byte[] Encode(IReadOnlyList<SafetensorsEntry> entries, IEnumerable<KeyValuePair<string, string>>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is not null)
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata) json.WriteString(key, value);
                json.WriteEndObject();
            }
            foreach (var e in entries)
            {
                json.WriteStartObject(e.Name);
                json.WriteString("dtype", SafetensorsDType.NameOf(e.DType));
                json.WriteStartArray("shape");
                foreach (var s in e.Shape) json.WriteNumberValue(s);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(e.Begin);
                json.WriteNumberValue(e.End);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        var padded = (buffer.Length + 7) / 8 * 8;
        while (buffer.Length < padded) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    /// <summary>
    /// Parses and checks a header: known dtypes, shapes and offsets that agree, tensors packed
    /// back to back from offset 0 without gaps or overlaps. Returns the entries in data order,
    /// the metadata, and the number of data bytes the tensors need.
    /// </summary>
    public static (List<SafetensorsEntry> Entries, Dictionary<string, string> Metadata, long DataBytes) Decode(byte[] header, string source)
    {
        if (header.Length == 0 || header[0] != (byte)'{')
            throw Invalid(source, "the header does not start with '{'");
        if (!Utf8.IsValid(header))
            throw Invalid(source, "the header is not valid UTF-8");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"the header is not valid JSON ({e.Message})");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw Invalid(source, "the header is not a JSON object");
            var entries = new List<SafetensorsEntry>();
            var metadata = new Dictionary<string, string>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!names.Add(property.Name))
                    throw Invalid(source, $"the header names '{property.Name}' twice");
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata, source);
                else entries.Add(ReadEntry(property.Name, property.Value, source));
            }
            entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
            long expected = 0;
            foreach (var e in entries)
            {
                if (e.Begin < expected)
                    throw Invalid(source, $"tensor '{e.Name}' (bytes {e.Begin}..{e.End}) overlaps the tensor before it (which ends at {expected})");
                if (e.Begin > expected)
                    throw Invalid(source, $"bytes {expected}..{e.Begin} of the data belong to no tensor (before '{e.Name}'): tensors must be packed");
                expected = e.End;
            }
            return (entries, metadata, expected);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string source)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw Invalid(source, $"'{MetadataKey}' must be an object of strings, found {value.ValueKind}");
        foreach (var item in value.EnumerateObject())
            metadata[item.Name] = item.Value.ValueKind == JsonValueKind.String
                ? item.Value.GetString()!
                : throw Invalid(source, $"'{MetadataKey}' entry '{item.Name}' must be a string, found {item.Value.ValueKind}");
    }

    private static SafetensorsEntry ReadEntry(string name, JsonElement value, string source)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw Invalid(source, $"the entry of tensor '{name}' must be an object, found {value.ValueKind}");
        if (!value.TryGetProperty("dtype", out var dtypeValue) || dtypeValue.ValueKind != JsonValueKind.String)
            throw Invalid(source, $"tensor '{name}' has no \"dtype\" string");
        var dtypeName = dtypeValue.GetString()!;
        if (!SafetensorsDType.TryParse(dtypeName, out var dtype))
            throw Invalid(source, $"tensor '{name}' has unknown dtype \"{dtypeName}\" (known: {SafetensorsDType.Names})");
        var shape = Integers(value, "shape", name, source);
        var offsets = Integers(value, "data_offsets", name, source);
        if (offsets.Length != 2)
            throw Invalid(source, $"tensor '{name}' needs \"data_offsets\": [begin, end], found {offsets.Length} numbers");
        var (begin, end) = (offsets[0], offsets[1]);
        if (end < begin)
            throw Invalid(source, $"tensor '{name}' has data_offsets [{begin}, {end}] that end before they begin");
        long bytes;
        try
        {
            bytes = checked(shape.Aggregate(1L, (n, s) => n * s) * dtype.ElementSize());
        }
        catch (OverflowException)
        {
            throw Invalid(source, $"tensor '{name}' has shape [{string.Join(", ", shape)}], too large to address");
        }
        if (end - begin != bytes)
            throw Invalid(source,
                $"tensor '{name}' ({dtypeName}, shape [{string.Join(", ", shape)}]) needs {bytes} bytes but data_offsets [{begin}, {end}] hold {end - begin}");
        return new SafetensorsEntry(name, dtype, shape, begin, end);
    }

    private static long[] Integers(JsonElement entry, string field, string name, string source)
    {
        if (!entry.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
            throw Invalid(source, $"tensor '{name}' has no \"{field}\" array");
        var values = new long[array.GetArrayLength()];
        var k = 0;
        foreach (var v in array.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n) || n < 0)
                throw Invalid(source, $"tensor '{name}' has \"{field}\" entries that are not non-negative integers: {array.GetRawText()}");
            values[k++] = n;
        }
        return values;
    }

    /// <summary>An <see cref="InvalidDataException"/> that names the file.</summary>
    public static InvalidDataException Invalid(string source, string what) =>
        new($"{source} is not a valid safetensors file: {what}");
}
