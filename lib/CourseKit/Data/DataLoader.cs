using System.Collections;
using static CourseKit.torch;

namespace CourseKit.Data;

/// <summary>
/// Serves a dataset of examples <c>x</c> (N, ...) and targets <c>y</c> (N, ...) in mini-batches,
/// as TorchSharp's <c>torch.utils.data.DataLoader</c> does:
/// <code>foreach (var (x, y) in loader) { ... }</code>
/// Each batch is gathered with <c>index_select</c> into new tensors (copies, never views of the
/// dataset), optionally transformed (<see cref="PixelTransform"/>, flattening) and moved to a
/// device. Each enumeration of the loader is one epoch; with <c>shuffle</c> every epoch visits
/// every example exactly once in a new random order.
/// <para>
/// Randomness: <c>seed</c> seeds a <see cref="System.Random"/> (whose seeded sequence is the same in
/// every .NET version), which seeds two generators: a <see cref="System.Random"/> that shuffles each
/// epoch with the Fisher–Yates algorithm, and a SplitMix64 generator for the uniforms of stochastic
/// binarization (one per pixel, so it must be fast). The same seed gives the same epochs and draws; the loader does not touch libtorch's generator, so
/// <c>torch.manual_seed</c> does not affect it. Without a seed the loader is seeded from the clock.
/// </para>
/// <para>
/// Lifetime: with <c>dispose_batch</c> (the default, as in TorchSharp) a batch is disposed when the
/// loader produces the next one or the epoch ends, so a training loop frees every batch without
/// further code; a batch taken by leaving the loop early (<c>break</c>, <c>loader.First()</c>) is not
/// disposed by the loader. To keep a batch across iterations, <c>clone()</c> it or pass
/// <c>dispose_batch: false</c> and dispose the batches yourself (or with a dispose scope).
/// </para>
/// </summary>
public sealed class DataLoader : IEnumerable<(Tensor x, Tensor y)>
{
    private readonly Tensor examples;
    private readonly Tensor targets;
    private readonly bool disposeBatch;
    private readonly Random orderRandom;
    private readonly SplitMix64 noiseRandom;

    /// <summary>A loader over <paramref name="dataset"/>'s images (N, 1, 28, 28) and labels (N).</summary>
    public DataLoader(MnistDataset dataset, int batch_size, bool shuffle = false, Device? device = null, int? seed = null,
        bool drop_last = false, bool dispose_batch = true, PixelTransform transform = PixelTransform.None, bool flatten = false)
        : this(Images(dataset), dataset.Labels, batch_size, shuffle, device, seed, drop_last, dispose_batch, transform, flatten)
    {
    }

    /// <summary>
    /// A loader over examples <paramref name="x"/> (N, ...) and targets <paramref name="y"/> (N, ...).
    /// The loader reads them but does not own them: they must stay alive while it is used.
    /// </summary>
    /// <param name="x">The examples, (N, ...): images (N, C, H, W) for the pixel transforms.</param>
    /// <param name="y">The targets, (N, ...): class labels (N) for the datasets here.</param>
    /// <param name="batch_size">Examples per batch (the last batch may be smaller unless <paramref name="drop_last"/>).</param>
    /// <param name="shuffle">A new random order every epoch; otherwise dataset order.</param>
    /// <param name="device">Where batches are moved (they are gathered on the data's device).</param>
    /// <param name="seed">Seeds the shuffling and stochastic binarization (see the class remarks).</param>
    /// <param name="drop_last">Skip the last batch when it has fewer than <paramref name="batch_size"/> examples.</param>
    /// <param name="dispose_batch">Dispose each batch when the next is produced or the epoch ends.</param>
    /// <param name="transform">Pixel transform applied to x (which must then be floating point, in [0, 1]).</param>
    /// <param name="flatten">Flatten each example: x (B, C, H, W) becomes (B, C·H·W), e.g. (B, 784).</param>
    public DataLoader(Tensor x, Tensor y, int batch_size, bool shuffle = false, Device? device = null, int? seed = null,
        bool drop_last = false, bool dispose_batch = true, PixelTransform transform = PixelTransform.None, bool flatten = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (batch_size < 1)
            throw new ArgumentOutOfRangeException(nameof(batch_size), batch_size, $"DataLoader: batch_size must be at least 1, got {batch_size}");
        if (x.dim() == 0 || y.dim() == 0 || x.size(0) != y.size(0))
            throw new ArgumentException(
                $"DataLoader: x and y need the same number of examples along dimension 0, got x [{string.Join(", ", x.shape)}] and y [{string.Join(", ", y.shape)}]");
        if (transform != PixelTransform.None && !x.is_floating_point())
            throw new ArgumentException($"DataLoader: transform {transform} needs floating-point pixels in [0, 1], x is {x.dtype.Name()}");
        if (!Enum.IsDefined(transform))
            throw new ArgumentOutOfRangeException(nameof(transform), transform, $"DataLoader: unknown transform {(int)transform}");
        if (flatten && x.dim() < 2)
            throw new ArgumentException($"DataLoader: flatten needs examples with at least one dimension, x has shape [{string.Join(", ", x.shape)}]");

        examples = x;
        targets = y;
        BatchSize = batch_size;
        Shuffle = shuffle;
        Device = device;
        DropLast = drop_last;
        disposeBatch = dispose_batch;
        Transform = transform;
        Flatten = flatten;
        var master = seed is int s ? new Random(s) : new Random();
        orderRandom = new Random(master.Next());
        noiseRandom = new SplitMix64((ulong)master.NextInt64());
    }

    public int BatchSize { get; }
    public bool Shuffle { get; }
    public Device? Device { get; }
    public bool DropLast { get; }
    public PixelTransform Transform { get; }
    public bool Flatten { get; }

    /// <summary>The number of examples N in the dataset.</summary>
    public long Size => examples.size(0);

    /// <summary>Batches per epoch: floor(N / B) with drop_last, else ceil(N / B).</summary>
    public long Count => DropLast ? Size / BatchSize : (Size + BatchSize - 1) / BatchSize;

    /// <summary>Starts an epoch (drawing its order when shuffling).</summary>
    public IEnumerator<(Tensor x, Tensor y)> GetEnumerator() => Epoch().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Tensor Images(MnistDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Images;
    }

    private IEnumerable<(Tensor x, Tensor y)> Epoch()
    {
        var n = Size;
        using var order = Order(n);                               // (N) int64, owned by this epoch
        var lastStart = DropLast ? n - BatchSize : n - 1;          // the last batch must be full with drop_last
        for (long start = 0; start <= lastStart; start += BatchSize)
        {
            var (x, y) = Batch(order, start, Math.Min(BatchSize, n - start));
            yield return (x, y);
            if (disposeBatch)
            {
                x.Dispose();
                y.Dispose();
            }
        }
    }

    /// <summary>The epoch's example order: a Fisher–Yates permutation of 0..N-1, or 0..N-1.</summary>
    private Tensor Order(long n)
    {
        var order = new long[n];
        for (long i = 0; i < n; i++) order[i] = i;
        if (Shuffle)
        {
            for (var i = n - 1; i > 0; i--)
            {
                var j = orderRandom.NextInt64(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
        var t = tensor(order, device: examples.device);
        return t.DetachFromDisposeScope();
    }

    private (Tensor x, Tensor y) Batch(Tensor order, long start, long length)
    {
        using var index = order.narrow(0, start, length);        // (B)
        var x = examples.index_select(0, index);                  // (B, C, H, W)
        var y = targets.index_select(0, index);                   // (B)
        if (Transform != PixelTransform.None) x = Replace(x, ApplyTransform);
        if (Flatten) x = Replace(x, t => t.flatten(1));           // (B, C·H·W)
        if (Device is { } target)
        {
            x = Replace(x, t => t.to(target));
            y = Replace(y, t => t.to(target));
        }
        return (x, y);
    }

    private Tensor ApplyTransform(Tensor x)
    {
        switch (Transform)
        {
            case PixelTransform.Binarize:
            {
                using var on = x.gt(0.5);                          // x > 0.5
                return on.to(x.dtype);
            }
            case PixelTransform.StochasticBinarize:
            {
                var uniforms = new float[x.numel()];
                noiseRandom.FillUniform(uniforms);
                using var u = tensor(uniforms, x.shape, x.dtype, x.device);   // u ~ U[0, 1), shape of x
                using var on = x.gt(u);                            // P(u < x) = x
                return on.to(x.dtype);
            }
            default:
            {
                using var twice = x.mul(2.0);                      // PixelTransform.Rescale
                return twice.sub(1.0);                             // 2x - 1 in [-1, 1]
            }
        }
    }

    /// <summary>Applies <paramref name="step"/> and disposes its input.</summary>
    private static Tensor Replace(Tensor input, Func<Tensor, Tensor> step)
    {
        using (input) return step(input);
    }
}
