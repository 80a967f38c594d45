using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>PyTorch's default initialisation of convolution weights and biases.</summary>
internal static class ConvInit
{
    /// <summary>
    /// Weight: kaiming_uniform_(a = sqrt(5)), i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in)); bias:
    /// U(-1/sqrt(fan_in), 1/sqrt(fan_in)), with fan_in = weight.size(1) * kH * kW.
    /// </summary>
    public static (nn.Parameter weight, nn.Parameter? bias) Create(long[] weightShape, long biasSize, bool hasBias)
    {
        var weight = new nn.Parameter(empty(weightShape));
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (!hasBias) return (weight, null);
        var bias = new nn.Parameter(empty([biasSize]));
        var (fanIn, _) = nn.init.CalculateFanInAndFanOut(weight, "conv init");
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        nn.init.uniform_(bias, -bound, bound);
        return (weight, bias);
    }

    /// <summary>Checks that channel counts divide into groups.</summary>
    public static void CheckGroups(string layer, long inChannels, long outChannels, long groups)
    {
        if (inChannels <= 0 || outChannels <= 0 || groups <= 0)
            throw new ArgumentException($"{layer}: channel counts and groups must be positive, got {inChannels}, {outChannels}, groups={groups}");
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"{layer}: in_channels ({inChannels}) and out_channels ({outChannels}) must both be divisible by groups ({groups})");
    }

    /// <summary>A (B, C, H, W) or (C, H, W) input with C = <paramref name="channels"/>, else an error naming the layer.</summary>
    public static void CheckInput(nn.Module layer, Tensor input, long channels)
    {
        var shape = input.shape;
        if ((shape.Length == 3 || shape.Length == 4) && shape[^3] == channels) return;
        throw new TorchException($"{layer}.forward({input.Describe()})",
            $"expected an input of shape (B, {channels}, H, W) or ({channels}, H, W)");
    }
}
