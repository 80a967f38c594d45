namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A module with one input: implement <see cref="forward"/>, call it with <see cref="call"/>.</summary>
        public abstract class Module<T, TResult> : Module
        {
            /// <summary>The computation of the module.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs the module on <paramref name="input"/> (as calling a module in PyTorch).</summary>
            public TResult call(T input) => forward(input);
        }

        /// <summary>A module with two inputs (e.g. a denoiser taking x_t and t).</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            /// <summary>The computation of the module.</summary>
            public abstract TResult forward(T1 input1, T2 input2);

            /// <summary>Runs the module on its two inputs.</summary>
            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }
    }
}
