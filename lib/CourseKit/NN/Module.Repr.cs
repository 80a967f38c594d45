using System.Globalization;
using System.Text;

namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// The module tree as PyTorch prints it:
            /// <code>
            /// Sequential(
            ///   (0): Linear(in_features=4, out_features=3, bias=True)
            ///   (1): ReLU()
            /// )
            /// </code>
            /// </summary>
            public override string ToString()
            {
                var name = GetType().Name;
                var tick = name.IndexOf('`');
                if (tick >= 0) name = name[..tick];
                var extra = extra_repr();
                var children = named_children().ToList();
                if (children.Count == 0) return $"{name}({extra})";

                var text = new StringBuilder(name).Append("(\n");
                if (extra.Length > 0) text.Append("  ").Append(Indent(extra)).Append('\n');
                foreach (var (childName, child) in children)
                    text.Append($"  ({childName}): ").Append(Indent(child.ToString())).Append('\n');
                return text.Append(')').ToString();
            }

            /// <summary>The settings shown inside the parentheses, e.g. <c>in_features=4, out_features=3, bias=True</c>.</summary>
            protected virtual string extra_repr() => "";

            private static string Indent(string text) => text.Replace("\n", "\n  ", StringComparison.Ordinal);

            /// <summary>Python's spelling of a bool: <c>True</c>, <c>False</c>.</summary>
            private protected static string Py(bool value) => value ? "True" : "False";

            /// <summary>Python's repr of a float: <c>0.1</c>, <c>1e-05</c>, <c>2.0</c>.</summary>
            private protected static string Py(double value)
            {
                if (Math.Abs(value) < 1e16 && value == Math.Floor(value))
                    return value.ToString("0.0", CultureInfo.InvariantCulture);
                var text = value.ToString("R", CultureInfo.InvariantCulture);
                return text.Replace("E", "e", StringComparison.Ordinal);
            }

            /// <summary>Python's repr of a tuple of ints: <c>(3, 3)</c>, <c>(5,)</c>.</summary>
            private protected static string Py(IReadOnlyList<long> values) =>
                values.Count == 1 ? $"({values[0]},)" : $"({string.Join(", ", values)})";
        }
    }
}
