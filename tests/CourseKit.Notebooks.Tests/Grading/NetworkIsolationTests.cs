using System.Text.Json.Nodes;
using CourseKit.Notebooks.Cli;
using CourseKit.Notebooks.Format;
using CourseKit.Notebooks.Grading;
using Xunit.Abstractions;

namespace CourseKit.Notebooks.Tests.Grading;

/// <summary>
/// A one-point assignment whose graded test passes only in a kernel that sees no network interface but loopback,
/// graded through the command line with and without <c>--network allow</c>.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class NetworkIsolationTests(ITestOutputHelper log)
{
    private const string OnlyLoopback = """
        var seen = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.NetworkInterfaceType != System.Net.NetworkInformation.NetworkInterfaceType.Loopback)
            .Select(i => i.Name).ToArray();
        if (seen.Length > 0) throw new Exception("the kernel can reach the network through " + string.Join(", ", seen));
        """;

    private static readonly bool MachineHasNetwork = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
        .Any(i => i.NetworkInterfaceType != System.Net.NetworkInformation.NetworkInterfaceType.Loopback);

    [Fact]
    public void KernelsAreCutOffFromTheNetworkWhereTheOsAllowsIt()
    {
        var (score, printed) = Grade();
        var unavailable = NetworkIsolation.Unavailable();
        log.WriteLine(printed);
        if (unavailable is null)
        {
            Assert.Contains("grade: no network", printed);
            Assert.Equal(1, score);
        }
        else
        {
            Assert.Contains($"grade: the kernels keep the network: {unavailable}", printed);
            Assert.Equal(MachineHasNetwork ? 0 : 1, score);
        }
    }

    [Fact]
    public void NetworkAllowGradesWithTheMachinesNetwork()
    {
        var (score, printed) = Grade("--network", "allow");

        Assert.DoesNotContain("no network", printed);
        Assert.Equal(MachineHasNetwork ? 0 : 1, score);
    }

    private static (double Score, string Printed) Grade(params string[] extra)
    {
        var dir = TestFiles.Scratch("network");
        var assignment = Path.Combine(dir, "hw.ipynb");
        var solution = new JsonObject { ["nbgrader"] = new JsonObject { ["grade"] = false, ["grade_id"] = "answer", ["locked"] = false, ["schema_version"] = 3, ["solution"] = true } };
        var test = new JsonObject { ["nbgrader"] = new JsonObject { ["grade"] = true, ["grade_id"] = "offline", ["locked"] = true, ["points"] = 1, ["schema_version"] = 3, ["solution"] = false } };
        NotebookWriter.Save(new NotebookDocument(
        [
            new NotebookCell(CellKind.Code, "answer", "int Answer()\n{\n    // BEGIN SOLUTION\n    return 42;\n    // END SOLUTION\n}", solution),
            new NotebookCell(CellKind.Code, "offline", OnlyLoopback, test),
        ], new JsonObject()) { Name = "hw" }, assignment);
        var outDir = Path.Combine(dir, "graded");
        using var printed = new StringWriter();
        var exit = GradeCommand.Run([assignment, "--one", "--assignment", assignment, "--out", outDir, "--jobs", "1", "--test-timeout", "60", .. extra], printed, printed);
        Assert.True(exit == 0, printed.ToString());
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "hw", "results.json")))!;
        return (results["score"]!.GetValue<double>(), printed.ToString());
    }
}
