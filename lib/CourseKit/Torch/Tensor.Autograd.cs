using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Whether operations on this tensor are recorded for autograd.</summary>
        public bool requires_grad
        {
            get => Meta().requiresGrad;
            set => requires_grad_(value);
        }

        /// <summary>Turns gradient recording on or off for this (leaf) tensor; returns it.</summary>
        public Tensor requires_grad_(bool requires_grad = true) =>
            Dispatch.InPlace(this, "aten::requires_grad_", "", requires_grad);

        /// <summary>A tensor sharing this one's data, outside the autograd graph.</summary>
        public Tensor detach() => Dispatch.Tensor("aten::detach", "", this);

        /// <summary>Detaches this tensor from the graph in place; returns it.</summary>
        public Tensor detach_() => Dispatch.InPlace(this, "aten::detach_", "");

        /// <summary>True for tensors created by the user rather than by a recorded operation.</summary>
        public bool is_leaf
        {
            get
            {
                NativeMethods.Check(NativeMethods.ck_tensor_is_leaf(Handle, out var leaf), "is_leaf");
                return leaf != 0;
            }
        }

        /// <summary>
        /// The gradient accumulated by <see cref="backward"/>, or null. Each read returns a new
        /// handle to the same storage (disposing it does not clear the gradient); set null to clear it.
        /// </summary>
        public Tensor? grad
        {
            get
            {
                NativeMethods.Check(NativeMethods.ck_tensor_grad(Handle, out var g), "reading .grad");
                return g == IntPtr.Zero ? null : new Tensor(g);
            }
            set => NativeMethods.Check(NativeMethods.ck_tensor_set_grad(Handle, value?.Handle ?? TensorHandle.Null), "setting .grad");
        }

        /// <summary>
        /// Computes the gradient of this tensor with respect to every leaf that requires grad and
        /// accumulates it into their <see cref="grad"/>. A non-scalar tensor needs <paramref name="gradient"/>.
        /// </summary>
        public void backward(Tensor? gradient = null, bool retain_graph = false, bool create_graph = false)
        {
            var status = NativeMethods.ck_tensor_backward(Handle, gradient?.Handle ?? TensorHandle.Null,
                retain_graph ? 1 : 0, create_graph ? 1 : 0);
            if (status != 0)
                throw new TorchException($"backward({Describe()}{(gradient is null ? "" : ", gradient=" + gradient.Describe())})",
                    NativeMethods.LastError());
        }
    }
}
