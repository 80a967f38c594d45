using CourseKit.Native;
using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// Batch normalisation (Ioffe and Szegedy, ICML 2015): y = (x - mean) / sqrt(var + eps) * weight + bias
/// per channel of (N, C, *). In training it normalises with the batch statistics and updates
/// running_mean and running_var as running = (1 - momentum) running + momentum batch (unbiased batch
/// variance; momentum null: the cumulative average over num_batches_tracked batches); in evaluation
/// it uses the running statistics. Without track_running_stats it always uses batch statistics.
/// Parameter and buffer names are PyTorch's: weight, bias, running_mean, running_var, num_batches_tracked.
/// </summary>
public abstract class BatchNorm : nn.Module<Tensor, Tensor>
{
    private protected BatchNorm(long num_features, double eps, double? momentum, bool affine, bool track_running_stats)
    {
        if (num_features <= 0) throw new ArgumentException($"{GetType().Name}: num_features must be positive, got {num_features}");
        this.num_features = num_features;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.track_running_stats = track_running_stats;
        if (affine)
        {
            weight = new nn.Parameter(ones([num_features]));                      // (C)
            bias = new nn.Parameter(zeros([num_features]));                       // (C)
        }
        register_parameter("weight", weight);
        register_parameter("bias", bias);
        if (track_running_stats)
        {
            running_mean = zeros([num_features]);                                 // (C)
            running_var = ones([num_features]);                                   // (C)
            num_batches_tracked = tensor(0L);                                      // () int64
        }
        register_buffer("running_mean", running_mean);
        register_buffer("running_var", running_var);
        register_buffer("num_batches_tracked", num_batches_tracked);
    }

    public long num_features { get; }
    public double eps { get; }
    public double? momentum { get; }
    public bool affine { get; }
    public bool track_running_stats { get; }
    public nn.Parameter? weight { get; }
    public nn.Parameter? bias { get; }
    public Tensor? running_mean { get; }
    public Tensor? running_var { get; }
    public Tensor? num_batches_tracked { get; }

    /// <summary>Whether <paramref name="rank"/> is an input rank this layer accepts.</summary>
    private protected abstract bool AcceptsRank(long rank);

    /// <summary>The accepted input shapes, for error messages.</summary>
    private protected abstract string ExpectedShape { get; }

    public override Tensor forward(Tensor input)
    {
        var shape = input.shape;
        if (!AcceptsRank(shape.Length) || shape[1] != num_features)
            throw new TorchException($"{this}.forward({input.Describe()})", $"expected an input of shape {ExpectedShape} with C = {num_features}");

        var factor = momentum ?? 0.0;
        if (training && num_batches_tracked is not null)
        {
            using (no_grad()) Dispatch.InPlace(num_batches_tracked, "aten::add_", "Scalar", 1L);
            factor = momentum ?? 1.0 / num_batches_tracked.item<long>();
        }
        var useBatchStats = training || running_mean is null;
        var updateRunning = !training || track_running_stats;
        return nn.functional.batch_norm(input, updateRunning ? running_mean : null, updateRunning ? running_var : null,
            weight, bias, useBatchStats, factor, eps);
    }

    protected override string extra_repr() =>
        $"{num_features}, eps={Py(eps)}, momentum={(momentum is double m ? Py(m) : "None")}, " +
        $"affine={Py(affine)}, track_running_stats={Py(track_running_stats)}";
}

/// <summary>Batch normalisation of (N, C) or (N, C, L) inputs; see <see cref="BatchNorm"/>.</summary>
public sealed class BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool track_running_stats = true)
    : BatchNorm(num_features, eps, momentum, affine, track_running_stats)
{
    private protected override bool AcceptsRank(long rank) => rank is 2 or 3;

    private protected override string ExpectedShape => "(N, C) or (N, C, L)";
}

/// <summary>Batch normalisation of (N, C, H, W) inputs; see <see cref="BatchNorm"/>.</summary>
public sealed class BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool track_running_stats = true)
    : BatchNorm(num_features, eps, momentum, affine, track_running_stats)
{
    private protected override bool AcceptsRank(long rank) => rank == 4;

    private protected override string ExpectedShape => "(N, C, H, W)";
}
