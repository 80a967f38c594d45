using System.Globalization;
using System.Text;

namespace CourseKit.Notebooks.Grading;

/// <summary>The class's gradebook as CSV (RFC 4180): one row per submission, a column per graded test, the total and the seconds it took.</summary>
public static class Gradebook
{
    public static string Render(IReadOnlyList<SubmissionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var ids = results.SelectMany(r => r.Tests.Select(t => t.GradeId)).Distinct(StringComparer.Ordinal).ToArray();
        var csv = new StringBuilder();
        csv.AppendJoin(',', new[] { "student", "notebook" }.Concat(ids).Concat(["score", "max_score", "seconds", "notes"]).Select(Field)).Append("\r\n");
        foreach (var r in results.OrderBy(r => r.Student, StringComparer.Ordinal))
        {
            var cells = new List<string> { r.Student, r.NotebookName };
            cells.AddRange(ids.Select(id => r.Tests.FirstOrDefault(t => t.GradeId == id) is { } t ? GradescopeResults.Number(t.Score) : ""));
            cells.Add(GradescopeResults.Number(r.Score));
            cells.Add(GradescopeResults.Number(r.MaxScore));
            cells.Add(r.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
            cells.Add(string.Join("; ", r.Notes));
            csv.AppendJoin(',', cells.Select(Field)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
