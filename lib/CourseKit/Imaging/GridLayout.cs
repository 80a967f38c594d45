namespace CourseKit.Imaging;

/// <summary>
/// Places equally sized images in a grid: padding between and around them, an optional white
/// margin with row labels on the left and column labels on top, in a real font (<see cref="LabelText"/>).
/// </summary>
internal static class GridLayout
{
    private static ReadOnlySpan<byte> White => [255, 255, 255, 255];
    /// <summary>Label size in pixels next to images at least <see cref="Images.MinDisplaySize"/> tall; 10 next to smaller ones.</summary>
    private const float LabelSize = 13;

    /// <summary>Column labels shrink down to this size to fit their column before they are cut.</summary>
    private const float MinLabelSize = 8;

    public static Image Compose(IReadOnlyList<Image> images, int columns, int padding, byte padGray,
        string[]? rowLabels, string[]? columnLabels, int scale)
    {
        const string op = "Images.Grid";
        if (images.Count == 0) throw new ArgumentException($"{op}: the batch is empty; there is nothing to show");
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), $"{op}: columns must be at least 1, got {columns}");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), $"{op}: padding must be >= 0, got {padding}");
        if (scale < 0) throw new ArgumentOutOfRangeException(nameof(scale), $"{op}: scale must be >= 1, or 0 for automatic, got {scale}");
        int w = images[0].Width, h = images[0].Height;
        foreach (var im in images)
            if (im.Width != w || im.Height != h)
                throw new ArgumentException($"{op}: all images must have the same size; found {w} x {h} and {im.Width} x {im.Height}");
        var cols = Math.Min(columns, images.Count);
        var rows = (images.Count + cols - 1) / cols;
        if (rowLabels is not null && rowLabels.Length != rows)
            throw new ArgumentException($"{op}: {rowLabels.Length} row labels for {rows} rows ({images.Count} images, {cols} columns)", nameof(rowLabels));
        if (columnLabels is not null && columnLabels.Length != cols)
            throw new ArgumentException($"{op}: {columnLabels.Length} column labels for {cols} columns", nameof(columnLabels));

        var k = scale == 0 ? AutoScale(h) : scale;
        int cellW = w * k, cellH = h * k;
        var size = cellH >= Images.MinDisplaySize ? LabelSize : 10f;
        var gap = (int)Math.Ceiling(size / 5);
        var columnSizes = columnLabels?.Select(l => LabelText.FittingSize(l, cellW + padding - 2, size, MinLabelSize)).ToArray();
        var lineHeight = (int)Math.Ceiling(LabelText.LineHeight(size));
        var top = columnLabels is null ? 0 : lineHeight + 2 * gap;
        var left = rowLabels is null ? 0 : (int)Math.Ceiling(rowLabels.Max(l => LabelText.Width(l, size))) + 2 * gap;
        var gridW = cols * cellW + (cols + 1) * padding;
        var gridH = rows * cellH + (rows + 1) * padding;
        var channels = images.Max(im => im.Channels);

        var canvas = new Image(left + gridW, top + gridH, channels, new byte[(long)(left + gridW) * (top + gridH) * channels]);
        canvas.FillRect(0, 0, canvas.Width, canvas.Height, White);
        canvas.FillRect(left, top, gridW, gridH, [padGray, padGray, padGray, 255]);
        for (var i = 0; i < images.Count; i++)
        {
            int col = i % cols, row = i / cols;
            canvas.Paste(k == 1 ? images[i] : images[i].Upscale(k), CellX(left, col, cellW, padding), CellY(top, row, cellH, padding));
        }
        var labels = new List<(string, float, float, float, bool)>();
        for (var col = 0; col < (columnLabels?.Length ?? 0); col++)
        {
            var text = Fit(columnLabels![col], cellW + padding - 2, columnSizes![col]);
            labels.Add((text, CellX(left, col, cellW, padding) + cellW / 2f, gap, columnSizes[col], true));
        }
        for (var row = 0; row < (rowLabels?.Length ?? 0); row++)
            labels.Add((rowLabels![row], gap, CellY(top, row, cellH, padding) + (cellH - lineHeight) / 2f, size, false));
        return labels.Count == 0 ? canvas : LabelText.Draw(canvas, labels);
    }

    /// <summary>The smallest integer factor that makes <paramref name="height"/> at least <see cref="Images.MinDisplaySize"/>.</summary>
    public static int AutoScale(int height) => Math.Max(1, (Images.MinDisplaySize + height - 1) / height);

    private static int CellX(int left, int col, int cellW, int padding) => left + padding + col * (cellW + padding);

    private static int CellY(int top, int row, int cellH, int padding) => top + padding + row * (cellH + padding);

    /// <summary>The label, cut and ended with an ellipsis when even at its smallest size it is wider than <paramref name="width"/> pixels.</summary>
    private static string Fit(string text, float width, float size)
    {
        if (LabelText.Width(text, size) <= width) return text;
        for (var n = text.Length - 1; n > 0; n--)
            if (LabelText.Width(text[..n] + "…", size) <= width) return text[..n] + "…";
        return text[..1];
    }
}
