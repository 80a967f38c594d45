namespace CourseKit.Imaging;

/// <summary>
/// CRC-32 with the IEEE 802.3 polynomial (reflected form 0xEDB88320), initial value and final
/// XOR 0xFFFFFFFF: the checksum of every PNG chunk (PNG specification, 3rd ed., section 5.5 and
/// annex D). Table-driven, one byte per step. CRC-32("123456789") = 0xCBF43926.
/// </summary>
public static class Crc32
{
    private const uint Polynomial = 0xEDB88320u;
    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Start, data));

    /// <summary>The register value before any byte: feed it to <see cref="Update"/>.</summary>
    public const uint Start = 0xFFFFFFFFu;

    /// <summary>Runs <paramref name="data"/> through the register <paramref name="crc"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    /// <summary>The checksum from the register value: its bitwise complement.</summary>
    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;
}
