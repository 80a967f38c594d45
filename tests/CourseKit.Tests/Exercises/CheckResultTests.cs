using CourseKit.Display;
using CourseKit.Exercises;

namespace CourseKit.Tests.Exercises;

/// <summary>How a check result shows in a notebook: a green or red HTML box and one line of text.</summary>
public sealed class CheckResultTests
{
    [Fact]
    public void PassedResultShowsAGreenPassedBox()
    {
        var output = CheckResult.Pass("KL divergence", "all 4 cases match").ToDisplay();

        var html = output.Get(DisplayOutput.Html)!;
        Assert.Contains("✓ passed", html);
        Assert.Contains("coursekit-check passed", html);
        Assert.Contains("#1a7f37", html);
        Assert.Contains("KL divergence", html);
        Assert.Equal("✓ passed: KL divergence. all 4 cases match", output.Text);
    }

    [Fact]
    public void FailedResultShowsARedBoxWithHintAndDetailsEncoded()
    {
        var result = CheckResult.Fail("negative ELBO", "wrong values for: a <batch>", "sum over dim 1 & add the KL", "expected [1, 2]\nyou gave [3, 4]");

        var output = result.ToDisplay();

        var html = output.Get(DisplayOutput.Html)!;
        Assert.Contains("✗ not yet", html);
        Assert.Contains("coursekit-check not-yet", html);
        Assert.Contains("#cf222e", html);
        Assert.Contains("a &lt;batch&gt;", html);
        Assert.Contains("<b>Hint:</b> sum over dim 1 &amp; add the KL", html);
        Assert.Contains("<pre", html);
        Assert.Equal("✗ not yet: negative ELBO. wrong values for: a <batch> Hint: sum over dim 1 & add the KL", output.Text);
        Assert.DoesNotContain("\n", output.Text);
    }

    [Fact]
    public void ResultCarriesTheKernelFormatterAttribute()
    {
        // A .NET Interactive kernel finds the formatter by the attribute's name (it is internal to CourseKit).
        var attribute = Assert.Single(typeof(CheckResult).GetCustomAttributes(false), a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        Assert.Equal([DisplayOutput.Html, DisplayOutput.PlainText], preferred);
    }
}
