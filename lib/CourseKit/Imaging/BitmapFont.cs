namespace CourseKit.Imaging;

/// <summary>
/// A 5 x 7 pixel font for printable ASCII (32..126), drawn for labels on image grids and raster
/// charts. Each glyph is 7 rows; each row a 5-bit number whose bit 4 is the leftmost column.
/// Characters outside 32..126 are drawn as '?'.
/// </summary>
public static class BitmapFont
{
    /// <summary>Glyph width in font pixels.</summary>
    public const int GlyphWidth = 5;

    /// <summary>Glyph height in font pixels.</summary>
    public const int GlyphHeight = 7;

    /// <summary>Horizontal distance from one character to the next, in font pixels (one column of space).</summary>
    public const int Advance = 6;

    /// <summary>Rows below the baseline used by the descenders of g, j, p, q, y.</summary>
    public const int Descent = 2;

    // g, j, p, q, y with descenders: nine rows each, rows 7 and 8 below the baseline.
    private static readonly Dictionary<char, byte[]> Descenders = new()
    {
        ['g'] = Convert.FromHexString("00000F1111110F010E"),
        ['j'] = Convert.FromHexString("02000602020202120C"),
        ['p'] = Convert.FromHexString("00001E1111111E1010"),
        ['q'] = Convert.FromHexString("00000F1111110F0101"),
        ['y'] = Convert.FromHexString("0000111111110F010E"),
    };

    // Rows of the glyphs for ' ' (32) to '~' (126), seven hex bytes each.
    private const string Data =
        "00000000000000040404040400040A0A00000000000A0A1F0A1F0A0A040F140E051E0418190204081303" +
        "0C12140815120D0404000000000002040808080402080402020204080004150E1504000004041F040400" +
        "000000000C04080000001F00000000000000000C0C000102040810000E11131519110E040C040404040E" +
        "0E11010204081F1F02040201110E02060A121F02021F101E0101110E0608101E11110E1F010204080808" +
        "0E11110E11110E0E11110F01020C000C0C000C0C00000C0C000C04080204081008040200001F001F0000" +
        "080402010204080E1101020400040E11010D15150E0E1111111F11111E11111E11111E0E11101010110E" +
        "1C12111111121C1F10101E10101F1F10101E1010100E11101711110F1111111F1111110E04040404040E" +
        "0702020202120C111214181412111010101010101F111B1515111111111119151311110E11111111110E" +
        "1E11111E1010100E11111115120D1E11111E1412110F10100E01011E1F0404040404041111111111110E" +
        "11111111110A041111111515150A11110A040A11111111110A0404041F01020408101F0E08080808080E" +
        "001008040201000E02020202020E040A11000000000000000000001F0804020000000000000E010F110F" +
        "1010161911111E00000E1010110E01010D1311110F00000E111F100E0609081C080808000F11110F010E" +
        "1010161911111104000C0404040E0200060202120C101012141814120C04040404040E00001A15151111" +
        "0000161911111100000E1111110E00001E111E101000000D130F01010000161910101000000E100E011E" +
        "08081C080809060000111111130D00001111110A040000111115150A0000110A040A11000011110F010E" +
        "00001F0204081F02040408040402040404040404040804040204040800000815020000";

    private static readonly byte[] Rows = Convert.FromHexString(Data);

    /// <summary>True where glyph <paramref name="c"/> has ink at (column, row); rows 0..6 above the baseline, 7..8 below.</summary>
    public static bool IsSet(char c, int column, int row)
    {
        if ((uint)column >= GlyphWidth || (uint)row >= GlyphHeight + Descent) return false;
        if (Descenders.TryGetValue(c, out var rows)) return (rows[row] & (0x10 >> column)) != 0;
        if (row >= GlyphHeight) return false;
        var index = c is >= ' ' and <= '~' ? c - ' ' : '?' - ' ';
        return (Rows[index * GlyphHeight + row] & (0x10 >> column)) != 0;
    }

    /// <summary>Width in pixels of <paramref name="text"/> at <paramref name="scale"/> (no trailing space).</summary>
    public static int MeasureWidth(string text, int scale = 1) =>
        text.Length == 0 ? 0 : (text.Length * Advance - (Advance - GlyphWidth)) * scale;

    /// <summary>Draws <paramref name="text"/> with its top-left corner at (x, y), each font pixel a scale x scale block.</summary>
    public static void Draw(Image image, string text, int x, int y, ReadOnlySpan<byte> rgba, int scale = 1)
    {
        for (var i = 0; i < text.Length; i++)
            for (var row = 0; row < GlyphHeight + Descent; row++)
                for (var col = 0; col < GlyphWidth; col++)
                    if (IsSet(text[i], col, row))
                        image.FillRect(x + (i * Advance + col) * scale, y + row * scale, scale, scale, rgba);
    }
}
