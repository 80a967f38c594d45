using CourseKit.Display;
using static CourseKit.torch;

namespace CourseKit.Imaging;

/// <summary>
/// A sequence of equally sized frames (e.g. the grid of samples at each step of a denoising
/// trajectory), shown as an animated PNG or laid out side by side as a strip.
/// </summary>
[TypeFormatterSource(typeof(RichDisplayFormatterSource), PreferredMimeTypes = [DisplayOutput.Html, DisplayOutput.Png, DisplayOutput.PlainText])]
public sealed class Animation : IRichDisplay
{
    /// <summary>Notebook display: the animated PNG in HTML (browsers animate it) and the strip of frames as the static image.</summary>
    public DisplayOutput ToDisplay() =>
        DisplayOutput.FromPng(ToStrip().ToPng(), $"Animation of {Frames.Count} frames, {Frames[0].Width} x {Frames[0].Height}")
            .With(DisplayOutput.Html, ToHtml());

    /// <param name="frames">The frames in order, all the same size.</param>
    /// <param name="delayMs">How long each frame is shown, in milliseconds.</param>
    /// <param name="labels">Optional caption per frame, drawn above it in the strip.</param>
    public Animation(IReadOnlyList<Image> frames, int delayMs = 200, string[]? labels = null)
    {
        if (frames.Count == 0) throw new ArgumentException("Animation: no frames", nameof(frames));
        if (delayMs is < 0 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(delayMs), $"Animation: delay must be 0..65535 ms, got {delayMs}");
        if (labels is not null && labels.Length != frames.Count)
            throw new ArgumentException($"Animation: {labels.Length} labels for {frames.Count} frames", nameof(labels));
        foreach (var f in frames)
            if (f.Width != frames[0].Width || f.Height != frames[0].Height)
                throw new ArgumentException($"Animation: all frames must have the same size; found {frames[0].Width} x {frames[0].Height} and {f.Width} x {f.Height}", nameof(frames));
        Frames = frames;
        DelayMs = delayMs;
        Labels = labels;
    }

    /// <summary>One grid per tensor (each a batch (B, C, H, W)), all laid out like <see cref="Images.Grid(Tensor, int, int, double?, ValueTuple{double, double}?, string[], string[], int)"/>.</summary>
    public static Animation FromBatches(IEnumerable<Tensor> batches, int columns = 8, (double lo, double hi)? range = null,
        int delayMs = 200, string[]? labels = null, int scale = 0) =>
        new(batches.Select(b => Images.Grid(b, columns, range: range, scale: scale)).ToList(), delayMs, labels);

    public IReadOnlyList<Image> Frames { get; }

    public int DelayMs { get; }

    public string[]? Labels { get; }

    /// <summary>The frames side by side, left to right, <paramref name="padding"/> pixels apart, captioned with <see cref="Labels"/>.</summary>
    public Image ToStrip(int padding = 4) =>
        GridLayout.Compose(Frames, Frames.Count, padding, 255, null, Labels, 1);

    /// <summary>The animated PNG (looping forever); viewers without APNG support show the first frame.</summary>
    public byte[] ToPng() => Apng.Encode(Frames, DelayMs);

    /// <summary>An <c>&lt;img&gt;</c> element with the animated PNG as a data URI (browsers play APNG).</summary>
    public string ToHtml() =>
        $"<img src=\"data:image/png;base64,{Convert.ToBase64String(ToPng())}\" width=\"{Frames[0].Width}\" height=\"{Frames[0].Height}\" style=\"image-rendering:pixelated\" alt=\"animation, {Frames.Count} frames\"/>";

    /// <summary>Writes the animated PNG (.png), the strip (a name ending in .strip.png), or an HTML page (.html).</summary>
    public void Save(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (path.EndsWith(".strip.png", StringComparison.OrdinalIgnoreCase)) ToStrip().Save(path);
        else if (ext == ".png") File.WriteAllBytes(path, ToPng());
        else if (ext is ".html" or ".htm")
            File.WriteAllText(path, $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{Path.GetFileNameWithoutExtension(path)}</title></head>\n<body>{ToHtml()}</body></html>\n");
        else throw new ArgumentException($"Animation.Save: unknown extension '{ext}' in {path}; use .png, .strip.png or .html", nameof(path));
    }
}
