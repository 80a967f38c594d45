using System.Text.Json.Nodes;
using CourseKit.Notebooks.Grading;

namespace CourseKit.Notebooks.Tests.Grading;

/// <summary>results.json, the gradebook and the feedback page from a result made by hand (no kernel).</summary>
public sealed class ResultsFormatTests
{
    private static SubmissionResult Sample() => new("ada, \"the\" student", "03_vae",
    [
        new TestResult("kl-tests", 2, 2, TestOutcome.Passed, "✓ passed: KL divergence."),
        new TestResult("reparameterize-tests", 0, 2, TestOutcome.TimedOut, "it ran past its limit of 5 s <script>"),
        new TestResult("negative-elbo-tests", 0, 1.5, TestOutcome.Forbidden, "your solution calls Elbo"),
    ], ["the locked cell vae-10 was changed"], 2, TimeSpan.FromSeconds(7.2));

    [Fact]
    public void ResultsJsonHasGradescopeFieldsAndValidatesAgainstTheSchema()
    {
        var json = GradescopeResults.ToJson(Sample());
        var path = Path.Combine(TestFiles.Scratch("results"), "results.json");
        File.WriteAllText(path, json.ToJsonString());

        Assert.Equal(2, json["score"]!.GetValue<double>());
        Assert.Equal(5.5, json["max_score"]!.GetValue<double>());
        var tests = json["tests"]!.AsArray();
        Assert.Equal(["passed", "failed", "failed"], tests.Select(t => t!["status"]!.GetValue<string>()));
        Assert.All(tests, t => Assert.Equal("visible", t!["visibility"]!.GetValue<string>()));
        Assert.StartsWith("Failed: the test ran out of time.", tests[1]!["output"]!.GetValue<string>());
        var (exit, messages) = SchemaValidator.Validate([path]);
        Assert.True(exit == 0, messages);
    }

    [Fact]
    public void TheSchemaRejectsWhatGradescopeWouldReject()
    {
        var dir = TestFiles.Scratch("bad-results");
        var bad = new[]
        {
            new JsonObject { ["score"] = "2" },                                                             // score not a number
            new JsonObject { ["score"] = 1, ["tests"] = new JsonArray(new JsonObject { ["visibility"] = "public" }) },
            new JsonObject { ["output"] = "no score anywhere" },
        }.Select((j, k) => { var p = Path.Combine(dir, $"bad{k}.json"); File.WriteAllText(p, j.ToJsonString()); return p; }).ToArray();

        var (exit, messages) = SchemaValidator.Validate(bad);

        Assert.Equal(1, exit);
        Assert.Equal(3, messages.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void GradebookQuotesFieldsAndFeedbackEscapesHtml()
    {
        var csv = Gradebook.Render([Sample()]);
        var html = FeedbackPage.Render(Sample());

        Assert.Equal("student,notebook,kl-tests,reparameterize-tests,negative-elbo-tests,score,max_score,seconds,notes", csv.Split("\r\n")[0]);
        Assert.Equal("\"ada, \"\"the\"\" student\",03_vae,2,0,0,2,5.5,7.2,the locked cell vae-10 was changed", csv.Split("\r\n")[1]);
        Assert.Contains("2 of 5.5 points", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
    }
}
