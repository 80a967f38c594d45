using System.Reflection;

namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Registers the fields of this module, as TorchSharp's RegisterComponents does: call it
            /// once at the end of a custom module's constructor. Each instance field (or get-only
            /// auto-property) declared in a class derived from Module is registered under its name:
            /// a <see cref="Module"/> as a submodule, a <see cref="Parameter"/> as a parameter (a null
            /// Parameter field as a missing one), any other <see cref="Tensor"/> as a buffer.
            /// Fields are visited base class first, in declaration order; entries that were already
            /// registered (under any name) are skipped. Collections of modules belong in a
            /// <c>ModuleList</c>, which is itself a module.
            /// </summary>
            protected void RegisterComponents()
            {
                var registered = new HashSet<object>(ReferenceEqualityComparer.Instance);
                foreach (var p in parameterMap.Values) if (p is not null) registered.Add(p);
                foreach (var b in bufferMap.Values) if (b is not null) registered.Add(b);
                foreach (var m in moduleMap.Values) registered.Add(m);

                foreach (var field in ComponentFields(GetType()))
                {
                    var value = field.GetValue(this);
                    if (value is Module or Tensor && !registered.Add(value)) continue;
                    var name = ComponentName(field);
                    switch (value)
                    {
                        case Module module:
                            register_module(name, module);
                            break;
                        case Parameter parameter:
                            register_parameter(name, parameter);
                            break;
                        case Tensor buffer:
                            register_buffer(name, buffer);
                            break;
                        case null when field.FieldType == typeof(Parameter):
                            register_parameter(name, null);
                            break;
                    }
                }
            }

            private static IEnumerable<FieldInfo> ComponentFields(Type type)
            {
                var chain = new Stack<Type>();
                for (var t = type; t is not null && !IsBaseClass(t); t = t.BaseType) chain.Push(t);
                const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                return chain.SelectMany(t => t.GetFields(flags).OrderBy(f => f.MetadataToken));
            }

            /// <summary>Module and the generic Module&lt;T, TResult&gt; bases, whose fields are the registries themselves.</summary>
            private static bool IsBaseClass(Type t) =>
                t == typeof(Module) ||
                (t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(Module<,>) || g == typeof(Module<,,>)));

            /// <summary>The field's name, or the property's for an auto-property's backing field (<c>&lt;fc1&gt;k__BackingField</c>).</summary>
            private static string ComponentName(FieldInfo field)
            {
                var name = field.Name;
                return name.StartsWith('<') && name.IndexOf('>') is var end and > 1 ? name[1..end] : name;
            }
        }
    }
}
