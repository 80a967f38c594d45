namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Every parameter and buffer under its dotted name, in PyTorch's order (a module's own
            /// parameters, then its buffers, then each submodule's entries) and with PyTorch's names,
            /// so a dictionary saved from PyTorch loads here and vice versa. The values are detached
            /// aliases sharing the module's memory: disposing them does not harm the module.
            /// </summary>
            public Dictionary<string, Tensor> state_dict()
            {
                var entries = new Dictionary<string, Tensor>();
                foreach (var (name, tensor) in StateEntries()) entries[name] = tensor.detach();
                return entries;
            }

            /// <summary>
            /// Copies the values of <paramref name="source"/> (under no_grad) into this module's
            /// parameters and buffers, keeping the tensor objects (an optimizer created earlier keeps
            /// working). With <paramref name="strict"/>, the key sets must match exactly. Nothing is
            /// copied unless every key that is loaded has the shape of the tensor it replaces; the
            /// error lists missing and unexpected keys and every shape mismatch.
            /// </summary>
            /// <returns>The keys this module has but <paramref name="source"/> lacks, and the keys it does not know.</returns>
            public (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(
                Dictionary<string, Tensor> source, bool strict = true)
            {
                ArgumentNullException.ThrowIfNull(source);
                var own = StateEntries().ToList();
                var ownNames = own.Select(e => e.name).ToHashSet();
                var missing = own.Where(e => !source.ContainsKey(e.name)).Select(e => e.name).ToList();
                var unexpected = source.Keys.Where(k => !ownNames.Contains(k)).ToList();
                var mismatched = own
                    .Where(e => source.TryGetValue(e.name, out var s) && !s.shape.SequenceEqual(e.tensor.shape))
                    .Select(e => $"{e.name}: the checkpoint has shape [{string.Join(", ", source[e.name].shape)}], " +
                                 $"this module has [{string.Join(", ", e.tensor.shape)}]")
                    .ToList();

                var problems = new List<string>();
                if (strict && missing.Count > 0) problems.Add("missing keys: " + string.Join(", ", missing));
                if (strict && unexpected.Count > 0) problems.Add("unexpected keys: " + string.Join(", ", unexpected));
                if (mismatched.Count > 0) problems.Add("shape mismatches: " + string.Join("; ", mismatched));
                if (problems.Count > 0)
                    throw new ArgumentException($"{GetType().Name}.load_state_dict: " + string.Join(". ", problems));

                using (no_grad())
                    foreach (var (name, tensor) in own)
                        if (source.TryGetValue(name, out var value))
                            tensor.copy_(value);
                return (missing, unexpected);
            }

            /// <summary>Own parameters, own buffers, then each submodule's entries, recursively.</summary>
            private IEnumerable<(string name, Tensor tensor)> StateEntries()
            {
                foreach (var (prefix, module) in named_modules())
                {
                    var dot = prefix.Length == 0 ? "" : prefix + ".";
                    foreach (var n in module.parameterNames)
                        if (module.parameterMap[n] is { } p) yield return (dot + n, p);
                    foreach (var n in module.bufferNames)
                        if (module.bufferMap[n] is { } b) yield return (dot + n, b);
                }
            }
        }
    }
}
