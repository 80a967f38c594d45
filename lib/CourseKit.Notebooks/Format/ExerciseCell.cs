using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Format;

/// <summary>
/// The exercise role of a cell, read from nbgrader's cell metadata (schema 3, so nbgrader and tools that
/// read its format see the same): <c>metadata.nbgrader = {solution, grade, locked, grade_id, points,
/// checksum, schema_version}</c>, plus CourseKit's instructor-only rules in <c>metadata.coursekit</c>:
/// <c>forbid</c> (library calls a graded test refuses in the solution cells, e.g.
/// <c>"GaussianKl.ToStandardNormal"</c>) and <c>time_limit_s</c> (the test's wall-time limit).
/// </summary>
/// <param name="Solution">The student writes (part of) this cell.</param>
/// <param name="Grade">A graded cell: a test cell whose points count when it runs without error.</param>
/// <param name="Locked">The student may not change the cell: its checksum is compared when grading.</param>
/// <param name="GradeId">nbgrader's unique id of the cell (required for solution, graded and locked cells).</param>
/// <param name="Points">Points of a graded cell.</param>
/// <param name="Forbidden">Library calls that cost a graded test its points when a solution cell makes them.</param>
/// <param name="TimeLimitSeconds">The graded test's own wall-time limit, when it has one.</param>
public sealed record ExerciseCell(bool Solution, bool Grade, bool Locked, string? GradeId, double Points,
    IReadOnlyList<string> Forbidden, double? TimeLimitSeconds)
{
    /// <summary>The cell-metadata key nbgrader uses.</summary>
    public const string Key = "nbgrader";

    /// <summary>The metadata key of CourseKit's own settings (cell: rules of a test; notebook: grading settings).</summary>
    public const string CourseKitKey = "coursekit";

    /// <summary>nbgrader's metadata schema version written by <c>assign</c>.</summary>
    public const int SchemaVersion = 3;

    public static ExerciseCell None { get; } = new(false, false, false, null, 0, [], null);

    /// <summary>Whether the cell plays any exercise role.</summary>
    public bool Any => Solution || Grade || Locked;

    /// <summary>Reads the cell's roles; a malformed field is an <see cref="InvalidDataException"/> naming <paramref name="where"/>.</summary>
    public static ExerciseCell Read(NotebookCell cell, string where = "cell")
    {
        if (cell.Metadata[Key] is not JsonObject nb) return None;
        try
        {
            var own = cell.Metadata[CourseKitKey] as JsonObject;
            var forbidden = own?["forbid"] is JsonArray list ? list.Select(v => v!.GetValue<string>()).ToArray() : [];
            var grade = (bool?)nb["grade"] ?? false;
            var points = nb["points"] is { } p ? Number(p) : 0;
            if (grade && !(points >= 0)) throw new InvalidDataException($"{where}: nbgrader points must be a number ≥ 0");
            return new ExerciseCell((bool?)nb["solution"] ?? false, grade, (bool?)nb["locked"] ?? false, (string?)nb["grade_id"],
                grade ? points : 0, forbidden, own?["time_limit_s"] is { } t ? Number(t) : null);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{where}: malformed nbgrader or coursekit metadata ({e.Message})", e);
        }
    }

    /// <summary>A JSON number of any C# type it was made from (int, double), as a double.</summary>
    private static double Number(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<double>(out var d) ? d
        : double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// The checksum of a locked cell as the student sees it: SHA-256 (hex) of its kind and its source
    /// with line endings normalised and trailing white space dropped, so that re-saving a notebook in
    /// another editor does not count as a change, and any change to the code does.
    /// </summary>
    public static string Checksum(CellKind kind, string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        var text = kind.ToString().ToLowerInvariant() + "\n" + string.Join("\n", lines).TrimEnd('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Writes <paramref name="checksum"/> into the cell's nbgrader metadata (as nbgrader's generate step does).</summary>
    public static void SetChecksum(JsonObject metadata, string checksum)
    {
        if (metadata[Key] is JsonObject nb)
        {
            nb["checksum"] = checksum;
            nb["schema_version"] ??= SchemaVersion;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{GradeId} ({(Solution ? "solution " : "")}{(Grade ? $"graded {Points} pts " : "")}{(Locked ? "locked" : "")})");
}
