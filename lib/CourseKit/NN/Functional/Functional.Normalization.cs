using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Batch normalisation over (N, C, *): y = (x - mean) / sqrt(var + eps) * weight + bias per
            /// channel. In training the batch statistics are used and, when given, the running ones
            /// are updated in place: running = (1 - momentum) * running + momentum * batch (the
            /// unbiased batch variance). Otherwise the running statistics are used.
            /// Ioffe and Szegedy, "Batch Normalization", ICML 2015.
            /// </summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null,
                Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                if (!training && (running_mean is null || running_var is null))
                    throw new ArgumentException("batch_norm: evaluation mode (training = false) needs running_mean and running_var");
                return Dispatch.Tensor("aten::batch_norm", "", input, weight, bias, running_mean, running_var,
                    training, momentum, eps, true);
            }

            /// <summary>
            /// Group normalisation of (N, C, *): the C channels are split into num_groups groups, each
            /// normalised over its channels and positions, then scaled and shifted per channel.
            /// Wu and He, "Group Normalization", ECCV 2018.
            /// </summary>
            public static Tensor group_norm(Tensor input, long num_groups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
                Dispatch.Tensor("aten::group_norm", "", input, num_groups, weight, bias, eps, true);

            /// <summary>
            /// Layer normalisation over the last dimensions given by <paramref name="normalized_shape"/>,
            /// then elementwise weight and bias. Ba et al., "Layer Normalization", 2016.
            /// </summary>
            public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
                Dispatch.Tensor("aten::layer_norm", "", input, normalized_shape, weight, bias, eps, true);
        }
    }
}
