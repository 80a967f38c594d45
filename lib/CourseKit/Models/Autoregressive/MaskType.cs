namespace CourseKit.Models;

/// <summary>
/// The two masks of a masked convolution (van den Oord, Kalchbrenner &amp; Kavukcuoglu 2016, "Pixel
/// Recurrent Neural Networks", section 3.4): type A hides the centre pixel as well as every later one
/// and is used once, on the image itself, so that an output never sees the pixel it predicts; type B
/// keeps the centre and is used in every later layer, where the centre feature already depends only
/// on earlier pixels.
/// </summary>
public enum MaskType
{
    /// <summary>Only pixels strictly before the centre in raster order: the first layer.</summary>
    A,

    /// <summary>Pixels before the centre and the centre itself: every layer after the first.</summary>
    B,
}
