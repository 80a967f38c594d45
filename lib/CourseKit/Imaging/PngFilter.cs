namespace CourseKit.Imaging;

/// <summary>
/// The five PNG scanline filters (PNG specification, section 9): each row is stored as a filter
/// type byte followed by the filtered bytes; x is the byte, a the byte one pixel to the left,
/// b the byte above, c the byte above-left (0 outside the image).
/// 0 None: x; 1 Sub: x - a; 2 Up: x - b; 3 Average: x - floor((a + b) / 2); 4 Paeth: x - Paeth(a, b, c).
/// </summary>
internal static class PngFilter
{
    /// <summary>The Paeth predictor: whichever of a, b, c is closest to a + b - c (ties: a, then b).</summary>
    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int Predict(int type, int a, int b, int c) => type switch
    {
        0 => 0,
        1 => a,
        2 => b,
        3 => (a + b) >> 1,
        _ => Paeth(a, b, c),
    };

    /// <summary>Reverses filter <paramref name="type"/> in place on <paramref name="row"/>; <paramref name="prior"/> is the previous reconstructed row (zeros for the first).</summary>
    public static void Unfilter(int type, Span<byte> row, ReadOnlySpan<byte> prior, int bpp, int rowIndex)
    {
        if (type > 4)
            throw new InvalidDataException($"PNG: row {rowIndex} has filter type {type}; only 0 (None), 1 (Sub), 2 (Up), 3 (Average) and 4 (Paeth) exist");
        if (type == 0) return;
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = prior[i], c = i >= bpp ? prior[i - bpp] : 0;
            row[i] = (byte)(row[i] + Predict(type, a, b, c));
        }
    }

    /// <summary>
    /// Filters <paramref name="row"/> with the type that minimises the sum of absolute values of the
    /// output bytes taken as signed (the heuristic the specification suggests, section 12.8), writing the
    /// type byte and the filtered bytes to <paramref name="output"/> (length row.Length + 1).
    /// </summary>
    public static void FilterBest(ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int bpp, Span<byte> output, Span<byte> scratch)
    {
        var bestSum = long.MaxValue;
        for (var type = 0; type <= 4; type++)
        {
            long sum = 0;
            for (var i = 0; i < row.Length; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = prior[i], c = i >= bpp ? prior[i - bpp] : 0;
                var v = (byte)(row[i] - Predict(type, a, b, c));
                scratch[i] = v;
                sum += v < 128 ? v : 256 - v;
            }
            if (sum < bestSum)
            {
                bestSum = sum;
                output[0] = (byte)type;
                scratch[..row.Length].CopyTo(output[1..]);
            }
        }
    }
}
