using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Turns a C# cell as Polyglot Notebooks accepts it into plain Roslyn script code.
/// <list type="bullet">
/// <item><c>#!csharp</c> (<c>#!c#</c>, <c>#!C#</c>) is dropped; <c>#!time</c> reports the cell's wall time;
/// a cell that starts with another language's magic (<c>#!fsharp</c>, <c>#!pwsh</c>, <c>#!html</c>, ...) is
/// skipped with a warning; any other magic line is dropped with a warning.</item>
/// <item><c>#r "path"</c> and <c>#load "path"</c>: a relative path is made absolute from the notebook's folder.</item>
/// <item><c>#r "nuget: Name, version"</c>: the runner does no package restore. A reference to a package
/// the runner already provides (CourseKit itself) is skipped with a note; any other package fails the
/// cell with a message that says so (a later compile error about missing types would be harder to read).
/// <c>#i "nuget: source"</c> lines are dropped.</item>
/// </list>
/// Removed lines become empty lines so that line numbers stay the cell's.
/// </summary>
public static partial class CellPreprocessor
{
    private static readonly HashSet<string> CSharpMagics = new(StringComparer.Ordinal) { "csharp", "c#", "C#" };

    private static readonly HashSet<string> OtherLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "mermaid",
        "sql", "kql", "python", "r", "http", "value", "vscode", "typescript",
    };

    /// <summary>Packages the runner provides itself; a <c>#r "nuget:"</c> for them is skipped.</summary>
    public static readonly IReadOnlySet<string> ProvidedPackages = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "CourseKit" };

    public static PreparedCell Prepare(string source, string notebookDirectory)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var warnings = new List<string>();
        var timed = false;
        string? error = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = line[2..].Split(' ', 2)[0];
                lines[i] = "";
                if (CSharpMagics.Contains(magic)) continue;
                if (magic == "time") { timed = true; continue; }
                if (OtherLanguages.Contains(magic) && IsFirstCode(lines, i))
                    return new PreparedCell("", warnings) { SkipReason = $"the cell is in another language (#!{magic}); only C# cells run here" };
                warnings.Add($"line {i + 1}: the magic command #!{magic} is not supported by the headless runner and was ignored");
            }
            else if (Directive().Match(line) is { Success: true } directive)
            {
                var (keyword, target) = (directive.Groups[1].Value, directive.Groups[2].Value);
                if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    lines[i] = "";
                    if (keyword == "i") continue;
                    var package = target["nuget:".Length..].Split(',')[0].Trim();
                    if (ProvidedPackages.Contains(package))
                        warnings.Add($"line {i + 1}: #r \"nuget: {package}\" skipped: the runner provides {package} itself");
                    else
                        error ??= $"line {i + 1}: #r \"nuget: {package}\" is not supported: the headless runner does no NuGet restore; reference a built assembly with #r \"path/to/{package}.dll\" instead";
                }
                else if (keyword != "i" && !Path.IsPathRooted(target))
                {
                    var absolute = Path.GetFullPath(Path.Combine(notebookDirectory, target));
                    lines[i] = $"#{keyword} \"{absolute}\"";
                }
            }
        }
        return new PreparedCell(string.Join("\n", lines), warnings) { Timed = timed, Error = error };
    }

    private static bool IsFirstCode(string[] lines, int index) =>
        lines.Take(index).All(l => string.IsNullOrWhiteSpace(l));

    [GeneratedRegex("^#(r|load|i)\\s+\"([^\"]*)\"\\s*$")]
    private static partial Regex Directive();
}
