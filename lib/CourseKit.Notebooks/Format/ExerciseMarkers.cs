using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Format;

/// <summary>
/// The four markers of an exercise notebook and the near misses that are refused. A marker is
/// exactly <c>// BEGIN SOLUTION</c>, <c>// END SOLUTION</c>, <c>// BEGIN HIDDEN TESTS</c> or
/// <c>// END HIDDEN TESTS</c> (two slashes, one space, upper case) in a code cell. Anything else that
/// reads like one (<c>//BEGIN SOLUTION</c>, <c>// begin solution</c>, <c>/* BEGIN SOLUTION */</c>,
/// <c>### BEGIN SOLUTION</c>, <c>// BEGIN_SOLUTION</c>, a marker in a markdown or raw cell) would be
/// copied into the student release as it is, with the solution after it, so it is an error.
/// </summary>
public static partial class ExerciseMarkers
{
    public const string BeginSolution = "// BEGIN SOLUTION";
    public const string EndSolution = "// END SOLUTION";
    public const string BeginHiddenTests = "// BEGIN HIDDEN TESTS";
    public const string EndHiddenTests = "// END HIDDEN TESTS";

    /// <summary>What a line holds: no marker, or one of the four.</summary>
    public enum Kind
    {
        None,
        BeginSolution,
        EndSolution,
        BeginHiddenTests,
        EndHiddenTests,
    }

    /// <summary>One marker found on a line: its kind and where it starts.</summary>
    public readonly record struct Found(Kind Kind, int Column);

    /// <summary>
    /// The exact markers on one line of a code cell, in order. Throws <see cref="InvalidDataException"/>
    /// (starting with <paramref name="where"/>) when the line holds something that reads like a marker
    /// but is not exactly one.
    /// </summary>
    public static IReadOnlyList<Found> OnCodeLine(string line, string where)
    {
        var found = new List<Found>();
        foreach (Match loose in Loose().Matches(line))
        {
            var exact = Exact().Match(line, Math.Max(0, loose.Index - 3));
            if (!exact.Success || exact.Index + exact.Length < loose.Index + loose.Length || exact.Index > loose.Index)
                throw NearMiss(where, loose.Value, line);
            found.Add(new Found(KindOf(exact.Groups[1].Value, exact.Groups[2].Value), exact.Index));
        }
        return found;
    }

    /// <summary>Throws when a line of a markdown or raw cell mentions a marker (there it would not be stripped).</summary>
    public static void RefuseInText(string line, string where)
    {
        if (Loose().Match(line) is { Success: true } m)
            throw new InvalidDataException($"{where}: `{m.Value.Trim()}` in a markdown or raw cell: exercise markers belong in code cells only " +
                                           "(reword the text, e.g. \"the solution region\")");
    }

    private static InvalidDataException NearMiss(string where, string text, string line) =>
        new($"{where}: `{line.Trim()}` looks like an exercise marker but is not one; write it exactly as `{BeginSolution}`, `{EndSolution}`, " +
            $"`{BeginHiddenTests}` or `{EndHiddenTests}` (near miss: `{text.Trim()}`)");

    private static Kind KindOf(string edge, string what) => (edge, what) switch
    {
        ("BEGIN", "SOLUTION") => Kind.BeginSolution,
        ("END", "SOLUTION") => Kind.EndSolution,
        ("BEGIN", _) => Kind.BeginHiddenTests,
        _ => Kind.EndHiddenTests,
    };

    /// <summary>Anything that reads like a marker: any case, any separator, any comment style.</summary>
    [GeneratedRegex(@"(?i)\b(begin|end)[\s_\-]*(solutions?|hidden[\s_\-]*tests?)\b")]
    private static partial Regex Loose();

    /// <summary>A marker exactly as written in a code cell.</summary>
    [GeneratedRegex(@"(?<![/*#])// (BEGIN|END) (SOLUTION|HIDDEN TESTS)(?![A-Za-z_])")]
    private static partial Regex Exact();
}
