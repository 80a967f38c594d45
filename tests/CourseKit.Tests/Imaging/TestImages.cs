using CourseKit.Imaging;

namespace CourseKit.Tests.Imaging;

/// <summary>Images with reproducible content for the PNG tests.</summary>
internal static class TestImages
{
    /// <summary>Uniformly random bytes from a fixed seed.</summary>
    public static Image Random(int width, int height, int channels, int seed)
    {
        var pixels = new byte[width * height * channels];
        new Random(seed).NextBytes(pixels);
        return new Image(width, height, channels, pixels);
    }

    /// <summary>Smooth gradients with a little noise: every filter type wins on some rows.</summary>
    public static Image Smooth(int width, int height, int channels, int seed)
    {
        var rng = new Random(seed);
        var pixels = new byte[width * height * channels];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                for (var c = 0; c < channels; c++)
                    pixels[(y * width + x) * channels + c] = (byte)(x * (c + 1) + y * 3 + rng.Next(3));
        return new Image(width, height, channels, pixels);
    }
}
