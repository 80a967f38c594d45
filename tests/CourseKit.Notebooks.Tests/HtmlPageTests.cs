using CourseKit.Imaging;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Figures;
using CourseKit.Notebooks.Html;

namespace CourseKit.Notebooks.Tests;

/// <summary>The HTML page of an executed notebook, rendered by headless Chromium.</summary>
[Collection(RunnerCollection.Name)]
public sealed class HtmlPageTests
{
    [ChromiumFact]
    public void Images_and_charts_render_in_chromium_and_the_screenshot_is_not_blank()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("display"), new RunOptions());
        var dir = TestFiles.Scratch("page");
        var page = Path.Combine(dir, "display.html");
        File.WriteAllText(page, NotebookPage.Render(run));
        var shot = Path.Combine(dir, "display.png");

        HeadlessChromium.Screenshot(page, shot, 1200, 2400);

        // The stripes image is 240 x 120: red, green and blue thirds of 80 x 120 pixels each.
        var image = Image.FromPng(File.ReadAllBytes(shot)).ConvertTo(3);
        int Count(byte r, byte g, byte b)
        {
            var n = 0;
            for (var i = 0; i < image.Pixels.Length; i += 3)
                if (Math.Abs(image.Pixels[i] - r) < 24 && Math.Abs(image.Pixels[i + 1] - g) < 24 && Math.Abs(image.Pixels[i + 2] - b) < 24) n++;
            return n;
        }
        Assert.InRange(Count(220, 30, 30), 80 * 120 * 9 / 10, 80 * 120 * 2);
        Assert.InRange(Count(30, 160, 60), 80 * 120 * 9 / 10, 80 * 120 * 2);
        Assert.InRange(Count(40, 60, 220), 80 * 120 * 9 / 10, 80 * 120 * 2);
        // The chart's line is drawn in the first series colour, #1f77b4, across the plot area.
        Assert.True(Count(31, 119, 180) > 400, $"the chart's line has only {Count(31, 119, 180)} pixels: the chart did not render");
        var distinct = new HashSet<int>();
        for (var i = 0; i < image.Pixels.Length; i += 3) distinct.Add(image.Pixels[i] << 16 | image.Pixels[i + 1] << 8 | image.Pixels[i + 2]);
        Assert.True(distinct.Count > 50, $"the screenshot has only {distinct.Count} colours: text and tables did not render");
    }

    [Fact]
    public void Pages_embed_the_kits_mathjax_and_plotly_and_load_nothing_from_elsewhere()
    {
        var head = PageScripts.Head(math: true);
        var tail = PageScripts.Tail(figures: true);
        if (CourseKit.Charts.WebAssets.MathJaxJs is null || CourseKit.Charts.WebAssets.PlotlyJs is null)
        {
            Assert.Equal("", head + tail);   // not installed: formulas as written, charts as their PNG
            return;
        }
        Assert.Contains("inlineMath: [['$', '$']", head);
        Assert.Contains("MathJax", head);
        Assert.Contains("Plotly.newPlot", tail);
        Assert.DoesNotContain("<script src=", head + tail);     // inline, so the page works offline and on its own
        Assert.DoesNotContain("/usr/share", head + tail);
        Assert.Equal("", PageScripts.Head(math: false) + PageScripts.Tail(figures: false));
    }

    [Fact]
    public void The_page_shows_markdown_code_outputs_errors_and_cells_not_run()
    {
        var run = NotebookRunner.Run(TestFiles.Fixture("failing"), new RunOptions());

        var html = NotebookPage.Render(run);

        Assert.Contains("<h1 id=\"a-failing-notebook\">A failing notebook</h1>", html);
        Assert.Contains("<pre class=\"source\"><code class=\"language-csharp\">Console.WriteLine(&quot;before&quot;);", html);
        Assert.Contains("<pre class=\"stream stdout\">before\n</pre>", html);
        Assert.Contains("<pre class=\"error\">InvalidOperationException: boom\nSystem.InvalidOperationException: boom\n   at Submission#", html);
        Assert.Contains("<div class=\"notrun\">not run</div>", html);
        Assert.Contains("<span class=\"failed\">failed</span>", html);
    }
}

/// <summary>A fact that is skipped, with the reason, when Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null) Skip = "chromium is not installed (scripts/setup.sh installs the Debian package chromium)";
    }
}
