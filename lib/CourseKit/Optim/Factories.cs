using CourseKit.Modules;

namespace CourseKit;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>Stochastic gradient descent with optional (Nesterov) momentum; see <see cref="Modules.SGD"/>.</summary>
        public static SGD SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false) =>
            new(parameters, lr, momentum, dampening, weight_decay, nesterov);

        /// <summary>Adam (Kingma &amp; Ba 2015); see <see cref="Modules.Adam"/>.</summary>
        public static Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
            double eps = 1e-8, double weight_decay = 0, bool amsgrad = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad);

        /// <summary>AdamW, Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019); see <see cref="Modules.AdamW"/>.</summary>
        public static AdamW AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
            double eps = 1e-8, double weight_decay = 1e-2, bool amsgrad = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad);

        /// <summary>RMSprop (Hinton 2012, lecture 6e); see <see cref="Modules.RMSprop"/>.</summary>
        public static RMSprop RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
            double weight_decay = 0, double momentum = 0, bool centered = false) =>
            new(parameters, lr, alpha, eps, weight_decay, momentum, centered);
    }
}
