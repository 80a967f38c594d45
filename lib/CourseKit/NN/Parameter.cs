namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// A tensor that a module learns: it requires grad, belongs to its module (never to a
        /// dispose scope) and is what <c>module.parameters()</c> hands to an optimizer.
        /// </summary>
        public sealed class Parameter : Tensor
        {
            /// <summary>Wraps <paramref name="data"/> (which is taken over: do not use or dispose it afterwards).</summary>
            public Parameter(Tensor data, bool requires_grad = true) : base(PrepareLeaf(data, requires_grad))
            {
                DetachFromDisposeScope();
            }

            private static Tensor PrepareLeaf(Tensor data, bool requiresGrad)
            {
                if (!data.is_leaf)
                {
                    var leaf = data.detach();
                    data.Dispose();
                    data = leaf;
                }
                return data.requires_grad_(requiresGrad);
            }
        }
    }
}
