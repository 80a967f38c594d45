using CourseKit.Modules;

namespace CourseKit;

public static partial class torch
{
    /// <summary>
    /// Neural-network building blocks, as <c>torch.nn</c>. Layers are made with factory functions
    /// named like PyTorch's classes (<c>nn.Linear(4, 3)</c>, <c>nn.Conv2d(1, 8, 3, padding: 1)</c>),
    /// which return instances of the classes in namespace <see cref="CourseKit.Modules"/>, as
    /// TorchSharp does; parameter and buffer names and default initialisations are PyTorch's.
    /// </summary>
    public static partial class nn
    {
        /// <summary>y = x W^T + b: (*, inputSize) to (*, outputSize).</summary>
        public static Linear Linear(long inputSize, long outputSize, bool hasBias = true) =>
            new(inputSize, outputSize, hasBias);

        /// <summary>2-D convolution with a square kernel: (B, in_channels, H, W) to (B, out_channels, H', W').</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernelSize, long stride = 1, long padding = 0,
            long dilation = 1, long groups = 1, bool bias = true) =>
            new(in_channels, out_channels, (kernelSize, kernelSize), (stride, stride), (padding, padding),
                (dilation, dilation), groups, bias);

        /// <summary>2-D convolution with a (kH, kW) kernel, e.g. (1, 3) for the horizontal stack of a gated PixelCNN.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernelSize, (long, long)? stride = null,
            (long, long)? padding = null, (long, long)? dilation = null, long groups = 1, bool bias = true) =>
            new(in_channels, out_channels, kernelSize, stride ?? (1, 1), padding ?? (0, 0), dilation ?? (1, 1), groups, bias);

        /// <summary>Transposed 2-D convolution with a square kernel (learned upsampling).</summary>
        public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, long kernelSize, long stride = 1,
            long padding = 0, long output_padding = 0, long groups = 1, bool bias = true, long dilation = 1) =>
            new(in_channels, out_channels, (kernelSize, kernelSize), (stride, stride), (padding, padding),
                (output_padding, output_padding), groups, bias, (dilation, dilation));

        /// <summary>Transposed 2-D convolution with a (kH, kW) kernel.</summary>
        public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, (long, long) kernelSize,
            (long, long)? stride = null, (long, long)? padding = null, (long, long)? output_padding = null, long groups = 1,
            bool bias = true, (long, long)? dilation = null) =>
            new(in_channels, out_channels, kernelSize, stride ?? (1, 1), padding ?? (0, 0), output_padding ?? (0, 0),
                groups, bias, dilation ?? (1, 1));

        /// <summary>Batch normalisation of (N, C) or (N, C, L); momentum null gives a cumulative average.</summary>
        public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
            bool track_running_stats = true) =>
            new(num_features, eps, momentum, affine, track_running_stats);

        /// <summary>Batch normalisation of (N, C, H, W); momentum null gives a cumulative average.</summary>
        public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
            bool track_running_stats = true) =>
            new(num_features, eps, momentum, affine, track_running_stats);

        /// <summary>Group normalisation of (N, num_channels, *) in num_groups groups.</summary>
        public static GroupNorm GroupNorm(long num_groups, long num_channels, double eps = 1e-5, bool affine = true) =>
            new(num_groups, num_channels, eps, affine);

        /// <summary>Layer normalisation over the last dimensions, of shape <paramref name="normalized_shape"/>.</summary>
        public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true) =>
            new(normalized_shape, eps, elementwise_affine);

        /// <summary>Layer normalisation over the last dimension, of size <paramref name="normalized_shape"/>.</summary>
        public static LayerNorm LayerNorm(long normalized_shape, double eps = 1e-5, bool elementwise_affine = true) =>
            new([normalized_shape], eps, elementwise_affine);

        /// <summary>A table of num_embeddings learned vectors of size embedding_dim.</summary>
        public static Embedding Embedding(long num_embeddings, long embedding_dim, long? padding_idx = null) =>
            new(num_embeddings, embedding_dim, padding_idx);

        /// <summary>Zeroes elements with probability p in training mode.</summary>
        public static Dropout Dropout(double p = 0.5) => new(p);

        public static ReLU ReLU() => new();

        public static LeakyReLU LeakyReLU(double negative_slope = 0.01) => new(negative_slope);

        public static GELU GELU(string approximate = "none") => new(approximate);

        public static SiLU SiLU() => new();

        public static Tanh Tanh() => new();

        public static Sigmoid Sigmoid() => new();

        public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long padding = 0) => new(kernel_size, stride, padding);

        public static AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long padding = 0) => new(kernel_size, stride, padding);

        public static Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);

        public static Unflatten Unflatten(long dim, long[] unflattened_size) => new(dim, unflattened_size);

        /// <summary>Resizes images to <paramref name="size"/> or by <paramref name="scale_factor"/> ("nearest" or "bilinear").</summary>
        public static Upsample Upsample(long[]? size = null, double? scale_factor = null, string mode = "nearest",
            bool? align_corners = null) =>
            new(size, scale_factor, mode, align_corners);

        public static Identity Identity() => new();

        /// <summary>An empty sequence (it passes its input through); modules can be appended.</summary>
        public static Sequential Sequential() => new(Array.Empty<Module<Tensor, Tensor>>());

        /// <summary>Applies <paramref name="modules"/> in order; they are named "0", "1", ...</summary>
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

        /// <summary>Applies named modules in order: <c>nn.Sequential(("conv", nn.Conv2d(...)), ("act", nn.ReLU()))</c>.</summary>
        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);

        /// <summary>A list of modules registered as "0", "1", ...</summary>
        public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
    }
}
