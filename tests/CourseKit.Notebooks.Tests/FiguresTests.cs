using System.Text.Json.Nodes;
using CourseKit.Charts;
using CourseKit.Notebooks.Cli;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Figures;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Tests;

/// <summary>The figure check and export of executed notebooks (<c>coursekit figures</c>), with plotly.js in headless Chromium.</summary>
[Collection(RunnerCollection.Name)]
public sealed class FiguresTests
{
    [ChromiumFact]
    public void Every_figure_of_an_executed_notebook_is_checked_and_exported_as_png_and_svg()
    {
        Assert.True(WebAssets.PlotlyJs is not null, "plotly.js is not installed: scripts/setup.sh installs it into web/node_modules");
        var run = NotebookRunner.Run(TestFiles.Fixture("display"), new RunOptions());
        var dir = TestFiles.Scratch("figures");
        var executed = Path.Combine(dir, "display.ipynb");
        NotebookWriter.Save(run.Executed!, executed);
        var output = new StringWriter();
        var error = new StringWriter();

        var code = FiguresCommand.Run([executed, "--out", Path.Combine(dir, "out")], output, error);

        // The CourseKit chart and the student's own Plotly.NET chart, the image, the image grid and the animation's first frame;
        // the student's chart has no static image (only CourseKit charts carry one), which the course notebooks must not have.
        Assert.Equal(1, code);
        Assert.Equal("display: 5 figures (2 charts, 3 images), 1 problem(s) -> " + Path.Combine(dir, "out", "display") + "\n", output.ToString());
        Assert.Equal("notebook display, cell 13, figure 1: no static PNG is stored, so GitHub, nbviewer and the HTML page show nothing offline\n", error.ToString());
        var files = Directory.GetFiles(Path.Combine(dir, "out", "display")).Select(Path.GetFileName).Order().ToArray();
        Assert.Contains("cell09-1-a-chart.png", files);
        var svg = File.ReadAllText(Path.Combine(dir, "out", "display", "cell09-1-a-chart.svg"));
        Assert.StartsWith("<svg", svg);
        Assert.Contains("a chart", PlotlySvg.Text(svg));
        Assert.True(PlotlySvg.DataMarks(svg) > 0);
    }

    [ChromiumFact]
    public void A_blank_image_and_a_chart_without_data_are_reported_with_notebook_cell_and_title()
    {
        Assert.True(WebAssets.PlotlyJs is not null, "plotly.js is not installed: scripts/setup.sh installs it into web/node_modules");
        var white = Convert.ToBase64String(new CourseKit.Imaging.Image(40, 30, 3, Enumerable.Repeat((byte)255, 40 * 30 * 3).ToArray()).ToPng());
        var notebook = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = "code", ["id"] = "c1", ["metadata"] = new JsonObject(), ["source"] = "", ["execution_count"] = 1,
                ["outputs"] = new JsonArray(new JsonObject
                {
                    ["output_type"] = "display_data", ["metadata"] = new JsonObject(),
                    ["data"] = new JsonObject
                    {
                        ["image/png"] = white,
                        ["application/vnd.plotly.v1+json"] = JsonNode.Parse("""{"data":[],"layout":{"title":{"text":"empty"}}}"""),
                    },
                }),
            }),
        };
        var path = Path.Combine(TestFiles.Scratch("blank-figures"), "blank.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        var error = new StringWriter();

        var code = FiguresCommand.Run([path], new StringWriter(), error);

        Assert.True(code == 1, error.ToString());
        Assert.Contains("notebook blank, cell 1, figure 1 (\"empty\"): the static PNG is blank (0.00% of its pixels differ from the background)", error.ToString());
        Assert.Contains("notebook blank, cell 1, figure 1 (\"empty\"): plotly.js drew the chart without any line, marker, bar or image", error.ToString());
    }

    [Fact]
    public void A_notebook_that_was_not_run_is_refused_with_the_command_to_run_it()
    {
        var error = new StringWriter();

        var code = FiguresCommand.Run([TestFiles.Fixture("display")], new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains("has no outputs; run it first (./coursekit run --out out ", error.ToString());
    }
}
