using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Grading;

/// <summary>
/// The static rule of an exercise: library members its solution may not use. A rule is a type
/// (<c>GaussianKl</c>: any of its members) or a member (<c>Elbo.Negative</c>). The code is searched
/// with comments removed; a member also counts when called by its bare name in code that names
/// its type elsewhere (<c>using static CourseKit.Losses.Elbo;</c> then <c>Negative(...)</c>).
/// Being static, the rule sees what is written, not what runs (reflection gets past it); the graded
/// tests' own cases are what make a solution correct.
/// </summary>
public static partial class ForbiddenCalls
{
    /// <summary>The rules of <paramref name="forbidden"/> that <paramref name="code"/> breaks.</summary>
    public static IReadOnlyList<string> Find(string code, IReadOnlyList<string> forbidden)
    {
        ArgumentNullException.ThrowIfNull(code);
        var text = WithoutComments(code);
        var broken = new List<string>();
        foreach (var rule in forbidden)
        {
            if (rule.StartsWith('.'))
            {
                if (Regex.IsMatch(text, $@"\.\s*{Regex.Escape(rule[1..])}(?!\w)")) broken.Add(rule);
                continue;
            }
            var parts = rule.Split('.');
            var qualified = string.Join(@"\s*\.\s*", parts.Select(Regex.Escape));
            var found = Regex.IsMatch(text, $@"(?<![\w@]){qualified}(?!\w)");
            if (!found && parts.Length > 1)
                found = Regex.IsMatch(text, $@"(?<![\w@]){Regex.Escape(parts[^2])}(?!\w)") && Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(parts[^1])}\s*\(");
            if (found) broken.Add(rule);
        }
        return broken;
    }

    /// <summary><paramref name="code"/> with <c>//</c> and <c>/* */</c> comments blanked (strings are kept: an interpolation holds code).</summary>
    public static string WithoutComments(string code) => Comment().Replace(code, m => m.Value.StartsWith('"') || m.Value.StartsWith('@') ? m.Value : " ");

    // Strings first, so that "//" inside a string does not start a comment.
    [GeneratedRegex("""@"(?:[^"]|"")*"|"(?:\\.|[^"\\\n])*"|//[^\n]*|/\*.*?\*/""", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
