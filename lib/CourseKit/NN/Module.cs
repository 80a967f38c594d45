namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base of every network piece, as <c>torch.nn.Module</c> in PyTorch. A module owns its
        /// parameters (tensors an optimizer learns), buffers (state saved with the model but not
        /// learned, e.g. BatchNorm's running statistics) and submodules, each under a name.
        /// Names of nested entries are dotted paths: <c>"0.weight"</c>, <c>"encoder.fc1.bias"</c>.
        /// <para>
        /// Registration: a module registers its pieces explicitly with <see cref="register_parameter"/>,
        /// <see cref="register_buffer"/> and <see cref="register_module"/>, or declares them as fields
        /// (or get-only auto-properties) and calls <see cref="RegisterComponents"/> once at the end of
        /// its constructor, which registers every field holding a Module, Parameter or Tensor under
        /// the field's name.
        /// </para>
        /// <para>
        /// Ownership: parameters and buffers belong to the module, never to a dispose scope, and
        /// <see cref="Dispose()"/> releases them together with every submodule.
        /// </para>
        /// </summary>
        public abstract partial class Module : IDisposable
        {
            private readonly List<string> parameterNames = [];
            private readonly Dictionary<string, Parameter?> parameterMap = [];
            private readonly List<string> bufferNames = [];
            private readonly Dictionary<string, Tensor?> bufferMap = [];
            private readonly List<string> moduleNames = [];
            private readonly Dictionary<string, Module> moduleMap = [];
            private bool disposed;

            /// <summary>True in training mode (the default), false after <see cref="eval"/>.</summary>
            public bool training { get; private set; } = true;

            /// <summary>
            /// Registers <paramref name="module"/> as a submodule called <paramref name="name"/>
            /// (replacing a submodule of that name).
            /// </summary>
            public void register_module(string name, Module module)
            {
                ArgumentNullException.ThrowIfNull(module);
                CheckName(name, "submodule", moduleMap);
                if (moduleMap.TryAdd(name, module)) moduleNames.Add(name);
                else moduleMap[name] = module;
            }

            /// <summary>
            /// Registers a parameter called <paramref name="name"/>; null records a missing optional
            /// parameter (a layer built without bias), which enumerations and state_dict skip.
            /// </summary>
            public void register_parameter(string name, Parameter? parameter)
            {
                CheckName(name, "parameter", parameterMap);
                if (parameterMap.TryAdd(name, parameter)) parameterNames.Add(name);
                else parameterMap[name] = parameter;
            }

            /// <summary>
            /// Registers a buffer called <paramref name="name"/>: state that is saved in state_dict and
            /// moved by <c>to()</c>, but not learned. The module takes ownership of the tensor (it
            /// leaves its dispose scope). Null records a missing optional buffer.
            /// </summary>
            public void register_buffer(string name, Tensor? tensor)
            {
                CheckName(name, "buffer", bufferMap);
                tensor?.DetachFromDisposeScope();
                if (bufferMap.TryAdd(name, tensor)) bufferNames.Add(name);
                else bufferMap[name] = tensor;
            }

            private void CheckName<T>(string name, string kind, Dictionary<string, T> own)
            {
                if (string.IsNullOrEmpty(name) || name.Contains('.'))
                    throw new ArgumentException($"{GetType().Name}: a {kind} name must be non-empty and contain no '.', got \"{name}\"");
                var taken = !own.ContainsKey(name) &&
                            (parameterMap.ContainsKey(name) || bufferMap.ContainsKey(name) || moduleMap.ContainsKey(name));
                if (taken)
                    throw new ArgumentException($"{GetType().Name}: cannot register {kind} \"{name}\": the name is already used by another parameter, buffer or submodule");
            }

            /// <summary>Sets training mode on this module and every submodule (false: evaluation mode).</summary>
            public void train(bool on = true)
            {
                foreach (var m in modules()) m.training = on;
            }

            /// <summary>Evaluation mode: Dropout passes inputs through, BatchNorm uses its running statistics.</summary>
            public void eval() => train(false);

            /// <summary>The learned tensors of this module (and, with <paramref name="recurse"/>, of its submodules).</summary>
            public IEnumerable<Parameter> parameters(bool recurse = true) =>
                named_parameters(recurse).Select(p => p.parameter);

            /// <summary>Parameters with their dotted names (<c>"0.weight"</c>), each shared parameter once.</summary>
            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) =>
                Distinct(Walk(recurse, m => m.parameterNames.Select(n => (n, m.parameterMap[n] as Tensor))))
                    .Select(e => (e.name, (Parameter)e.tensor));

            /// <summary>The buffers (not learned, but saved and moved with the module).</summary>
            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(b => b.buffer);

            /// <summary>Buffers with their dotted names (<c>"1.running_mean"</c>).</summary>
            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true) =>
                Distinct(Walk(recurse, m => m.bufferNames.Select(n => (n, m.bufferMap[n]))));

            /// <summary>The direct submodules.</summary>
            public IEnumerable<Module> children() => named_children().Select(c => c.module);

            /// <summary>The direct submodules with their names.</summary>
            public IEnumerable<(string name, Module module)> named_children() =>
                moduleNames.Select(n => (n, moduleMap[n]));

            /// <summary>This module and all its descendants, depth first, each once.</summary>
            public IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            /// <summary>This module (name "") and all its descendants with dotted names, each once.</summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                return Visit("", this);

                IEnumerable<(string, Module)> Visit(string prefix, Module module)
                {
                    if (!seen.Add(module)) yield break;
                    yield return (prefix, module);
                    foreach (var (name, child) in module.named_children())
                        foreach (var entry in Visit(prefix.Length == 0 ? name : $"{prefix}.{name}", child))
                            yield return entry;
                }
            }

            /// <summary>Clears the gradient of every parameter (sets it to null, as PyTorch 2 does by default).</summary>
            public void zero_grad()
            {
                foreach (var p in parameters()) p.grad = null;
            }

            /// <summary>Own entries of every module in the tree, each with its dotted name.</summary>
            private IEnumerable<(string name, Tensor tensor)> Walk(bool recurse,
                Func<Module, IEnumerable<(string name, Tensor? tensor)>> own)
            {
                var tree = recurse ? named_modules() : [("", this)];
                foreach (var (prefix, module) in tree)
                    foreach (var (name, tensor) in own(module))
                        if (tensor is not null)
                            yield return (prefix.Length == 0 ? name : $"{prefix}.{name}", tensor);
            }

            private static IEnumerable<(string name, Tensor tensor)> Distinct(IEnumerable<(string name, Tensor tensor)> entries)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                return entries.Where(e => seen.Add(e.tensor));
            }

            /// <summary>Releases the native memory of every parameter, buffer and submodule.</summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Disposes parameters, buffers and submodules; override to release further resources.</summary>
            protected virtual void Dispose(bool disposing)
            {
                if (disposed || !disposing) return;
                disposed = true;
                foreach (var p in parameterMap.Values) p?.Dispose();
                foreach (var b in bufferMap.Values) b?.Dispose();
                foreach (var m in moduleMap.Values) m.Dispose();
            }
        }
    }
}
