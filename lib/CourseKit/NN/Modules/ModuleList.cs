using System.Collections;
using System.Globalization;
using static CourseKit.torch;

namespace CourseKit.Modules;

/// <summary>
/// A list of submodules, registered as "0", "1", ... so their parameters are found; it has no
/// forward of its own (the owner decides how to call them).
/// </summary>
public sealed class ModuleList<T> : nn.Module, IReadOnlyList<T> where T : nn.Module
{
    private readonly List<T> items = [];

    public ModuleList(IEnumerable<T> modules)
    {
        foreach (var m in modules) Add(m);
    }

    public int Count => items.Count;

    public T this[int index] => items[index];

    /// <summary>Appends <paramref name="module"/>, named by its position.</summary>
    public void Add(T module)
    {
        register_module(items.Count.ToString(CultureInfo.InvariantCulture), module);
        items.Add(module);
    }

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
