namespace CourseKit.Data;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators",
/// OOPSLA): state += 0x9E3779B97F4A7C15, output = mix(state). A few nanoseconds per number,
/// where a seeded <see cref="System.Random"/> takes tens, which matters when every pixel of every
/// epoch needs a uniform draw.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    private ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Fills <paramref name="values"/> with uniforms on [0, 1): the top 24 bits of each draw times 2^-24.</summary>
    public void FillUniform(Span<float> values)
    {
        for (var i = 0; i < values.Length; i++) values[i] = (Next() >> 40) * (1f / (1 << 24));
    }
}
