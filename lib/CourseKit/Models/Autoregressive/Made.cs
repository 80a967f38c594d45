using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>
/// MADE (Germain, Gregor, Murray &amp; Larochelle 2015, "MADE: Masked Autoencoder for Distribution
/// Estimation"): an MLP from x (B, D) to D logits whose weights are masked so that logit d depends
/// only on inputs that come before d. Each input d gets its number m(d) = d (raster order, 1..D);
/// each hidden unit k a number m(k) drawn uniformly from {min m of the layer below, ..., D - 1}; then
/// <code>
/// hidden:  M[k, d] = 1  if  m(k) &gt;= m(d)            (equation 12)
/// output:  M[d, k] = 1  if  m(d) &gt;  m(k)            (equation 13)
/// </code>
/// so every path from input d' to output d passes numbers m(d') &lt;= ... &lt; m(d): the output
/// depends on x_&lt;d only, and p(x) = Π σ(ℓ_d)^x_d (1 - σ(ℓ_d))^(1 - x_d) is a normalised distribution.
/// Takes and returns images (B, 1, H, W). Parameter names: <c>net.{0,2,...}.weight</c>.
/// </summary>
public sealed class Made : AutoregressiveModel
{
    public Made(MadeSettings? settings = null)
    {
        Settings = settings ?? new MadeSettings();
        Settings.Validate();
        var d = Settings.Dimensions;
        var random = new Random(Settings.MaskSeed);
        var previous = Enumerable.Range(1, (int)d).Select(i => (long)i).ToArray();   // m(d) of the inputs
        Degrees = [previous];
        var layers = new List<nn.Module<Tensor, Tensor>>();
        foreach (var size in Settings.HiddenSizes)
        {
            var low = previous.Min();
            var degrees = Enumerable.Range(0, (int)size)
                .Select(_ => random.NextInt64(low, d)).ToArray();   // m(k) in {low, ..., D - 1}
            layers.Add(new MaskedLinear(previous.Length, size, Connectivity(degrees, previous, strict: false)));
            layers.Add(nn.ReLU());
            Degrees.Add(degrees);
            previous = degrees;
        }
        var outputs = Enumerable.Range(1, (int)d).Select(i => (long)i).ToArray();
        layers.Add(new MaskedLinear(previous.Length, d, Connectivity(outputs, previous, strict: true)));
        net = nn.Sequential(layers.ToArray());
        RegisterComponents();
    }

    public MadeSettings Settings { get; }

    /// <summary>The numbers m(·) of the inputs, then of each hidden layer (the outputs carry the inputs' numbers).</summary>
    public List<long[]> Degrees { get; }

    public nn.Module<Tensor, Tensor> net { get; }

    public override (long height, long width)? FixedSize => (Settings.Height, Settings.Width);

    /// <summary>Logits ℓ (B, 1, H, W) of p(x_d = 1 | x_&lt;d) for binary images x (B, 1, H, W).</summary>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);
        using var flat = x.reshape(x.shape[0], Settings.Dimensions);          // (B, D)
        using var logits = net.call(flat);                                    // (B, D)
        return logits.reshape(x.shape);                                       // (B, 1, H, W)
    }

    /// <summary>M[k, j] = 1 when m_out(k) &gt;= m_in(j) (hidden) or m_out(k) &gt; m_in(j) (output, strict); (out, in).</summary>
    private static Tensor Connectivity(long[] outDegrees, long[] inDegrees, bool strict)
    {
        var values = new float[outDegrees.Length * inDegrees.Length];
        for (var k = 0; k < outDegrees.Length; k++)
            for (var j = 0; j < inDegrees.Length; j++)
                values[k * inDegrees.Length + j] = (strict ? outDegrees[k] > inDegrees[j] : outDegrees[k] >= inDegrees[j]) ? 1f : 0f;
        return tensor(values, [outDegrees.Length, inDegrees.Length]);
    }
}
