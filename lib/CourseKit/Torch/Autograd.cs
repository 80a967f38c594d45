using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    /// <summary>Functional access to the autograd engine, as in <c>torch.autograd</c>.</summary>
    public static class autograd
    {
        /// <summary>
        /// The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, returned
        /// rather than accumulated into <c>.grad</c>: Σ_k grad_outputs[k]ᵀ ∂outputs[k]/∂inputs[j] for each j.
        /// With <paramref name="create_graph"/> the gradients are themselves recorded, so a loss built from
        /// them (a gradient penalty, Gulrajani et al. 2017) can be differentiated again (double backward).
        /// </summary>
        /// <param name="outputs">Tensors to differentiate; a non-scalar one needs its entry in <paramref name="grad_outputs"/>.</param>
        /// <param name="inputs">Tensors that require grad; one gradient is returned for each, same shape.</param>
        /// <param name="grad_outputs">The vector in the vector-Jacobian product for each output (same shape as it); null entries, or null, for scalar outputs.</param>
        /// <param name="retain_graph">Keep the graph for another backward pass; null means the same as <paramref name="create_graph"/>.</param>
        /// <param name="create_graph">Record the gradient computation so that higher derivatives can be taken.</param>
        /// <param name="allow_unused">Return null for an input the outputs do not depend on instead of raising.</param>
        public static IList<Tensor?> grad(IList<Tensor> outputs, IList<Tensor> inputs, IList<Tensor?>? grad_outputs = null,
            bool? retain_graph = null, bool create_graph = false, bool allow_unused = false)
        {
            ArgumentNullException.ThrowIfNull(outputs);
            ArgumentNullException.ThrowIfNull(inputs);
            var what = $"autograd.grad(outputs=[{string.Join(", ", outputs.Select(o => o?.Describe() ?? "null"))}], " +
                       $"inputs=[{string.Join(", ", inputs.Select(i => i?.Describe() ?? "null"))}])";
            if (outputs.Count == 0 || inputs.Count == 0)
                throw new ArgumentException($"{what}: needs at least one output and one input");
            if (grad_outputs is not null && grad_outputs.Count != outputs.Count)
                throw new ArgumentException($"{what}: got {grad_outputs.Count} grad_outputs for {outputs.Count} outputs", nameof(grad_outputs));
            for (var k = 0; k < outputs.Count; k++)
                if (outputs[k] is null) throw new ArgumentNullException(nameof(outputs), $"{what}: output {k} is null");
            for (var k = 0; k < inputs.Count; k++)
                if (inputs[k] is null) throw new ArgumentNullException(nameof(inputs), $"{what}: input {k} is null");

            var leases = new List<TensorHandle>();
            try
            {
                var outs = new IntPtr[outputs.Count];
                var grads = new IntPtr[outputs.Count];
                var ins = new IntPtr[inputs.Count];
                var result = new IntPtr[inputs.Count];
                for (var k = 0; k < outs.Length; k++)
                {
                    outs[k] = Lease(outputs[k], leases, k);
                    grads[k] = grad_outputs?[k] is { } g ? Lease(g, leases, k) : IntPtr.Zero;
                }
                for (var k = 0; k < ins.Length; k++) ins[k] = Lease(inputs[k], leases, outputs.Count + k);
                int status;
                unsafe
                {
                    fixed (IntPtr* po = outs, pg = grads, pi = ins, pr = result)
                        status = NativeMethods.ck_autograd_grad(po, pg, outs.Length, pi, ins.Length,
                            retain_graph is null ? -1 : retain_graph.Value ? 1 : 0, create_graph ? 1 : 0, allow_unused ? 1 : 0, pr);
                }
                if (status != 0) throw new TorchException(what, NativeMethods.LastError());
                return result.Select(r => r == IntPtr.Zero ? null : new Tensor(r)).ToArray();
            }
            finally
            {
                foreach (var lease in leases) lease.DangerousRelease();
            }
        }

        /// <summary>The gradient of one output with respect to one input (see the list form).</summary>
        public static Tensor grad(Tensor output, Tensor input, Tensor? grad_output = null,
            bool? retain_graph = null, bool create_graph = false) =>
            grad([output], [input], [grad_output], retain_graph, create_graph)[0]!;

        private static IntPtr Lease(Tensor t, List<TensorHandle> leases, int position)
        {
            var handle = t.AddRefFor("autograd.grad", position);
            leases.Add(handle);
            return handle.DangerousGetHandle();
        }
    }
}
