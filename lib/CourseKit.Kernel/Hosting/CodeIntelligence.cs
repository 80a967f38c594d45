using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace CourseKit.Kernel.Hosting;

/// <summary>
/// <c>complete_request</c> (the C# kernel's completions at the cursor) and <c>is_complete_request</c>
/// (Roslyn's test for a complete script submission; a console front end asks it to decide whether
/// Enter runs the code or starts a new line). Jupyter counts the cursor in Unicode code points;
/// .NET strings count UTF-16 units, hence <see cref="TextOffsets"/>.
/// </summary>
internal sealed class CodeIntelligence(CSharpKernel kernel)
{
    public JsonObject Complete(string code, int cursorCodePoints)
    {
        var cursor = TextOffsets.ToUtf16(code, cursorCodePoints);
        var (line, character) = TextOffsets.LineAndCharacter(code, cursor);
        var result = kernel.SendAsync(new RequestCompletions(code, new LinePosition(line, character))).GetAwaiter().GetResult();
        var produced = result.Events.OfType<CompletionsProduced>().FirstOrDefault();
        var start = cursor;
        var end = cursor;
        if (produced?.LinePositionSpan is { } span)
        {
            start = TextOffsets.FromLineAndCharacter(code, span.Start.Line, span.Start.Character);
            end = TextOffsets.FromLineAndCharacter(code, span.End.Line, span.End.Character);
        }
        else
        {
            while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        }
        // The kernel lists every member in scope; Jupyter front ends expect only those that fit what is typed.
        var typed = code[start..cursor];
        var matches = (produced?.Completions ?? [])
            .Where(c => (c.FilterText ?? c.DisplayText).StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.SortText ?? c.DisplayText, StringComparer.Ordinal)
            .Select(c => c.InsertTextFormat == InsertTextFormat.Snippet || c.InsertText is null ? c.DisplayText : c.InsertText)
            .Distinct(StringComparer.Ordinal)
            .Select(m => (JsonNode?)m)
            .ToArray();
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(matches),
            ["cursor_start"] = TextOffsets.ToCodePoints(code, start),
            ["cursor_end"] = TextOffsets.ToCodePoints(code, end),
            ["metadata"] = new JsonObject(),
        };
    }

    public static JsonObject IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        return SyntaxFactory.IsCompleteSubmission(tree)
            ? new JsonObject { ["status"] = "complete" }
            : new JsonObject { ["status"] = "incomplete", ["indent"] = "" };
    }
}
