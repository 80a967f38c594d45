using System.Collections;
using System.Globalization;

namespace CourseKit.Display;

/// <summary>Text for values that have no rich display: invariant-culture numbers, short sequences listed.</summary>
internal static class PlainTextOf
{
    private const int MaxItems = 20;

    public static string Format(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => Sequence(items),
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static string Sequence(IEnumerable items)
    {
        var shown = new List<string>();
        var more = false;
        foreach (var item in items)
        {
            if (shown.Count == MaxItems) { more = true; break; }
            shown.Add(item is string s ? $"\"{s}\"" : Format(item));
        }
        return "[" + string.Join(", ", shown) + (more ? ", ..." : "") + "]";
    }
}
